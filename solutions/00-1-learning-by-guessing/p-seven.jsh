double pSeven = 120.0 / 1024;
