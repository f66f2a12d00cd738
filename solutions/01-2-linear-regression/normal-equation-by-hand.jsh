double myB = (5 * 8 - 3 * 11) / 6.0;  // inverse of [[3, 3], [3, 5]] times (8, 11): 7/6
double myW = (-3 * 8 + 3 * 11) / 6.0; // 9/6 = 1.5
