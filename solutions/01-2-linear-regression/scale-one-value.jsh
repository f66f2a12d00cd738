double myZ = (8 - 5) / Math.sqrt(5);    // mean 5, population variance (9 + 1 + 1 + 9) / 4 = 5
double myMinMax = (8 - 2) / (8 - 2.0);  // 8 is the maximum, so it maps to 1
