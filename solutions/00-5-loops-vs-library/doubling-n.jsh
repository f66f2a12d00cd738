double myRatio = 8; // (600 / 300)^3: the work 2n^3 grows by 2^3 when n doubles
