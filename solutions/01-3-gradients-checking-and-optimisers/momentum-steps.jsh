double x1Momentum = 2 - 0.1 * (2 * 2);                           // v1 = g1 = 2 x0 = 4
double myX2 = x1Momentum - 0.1 * (0.5 * 4 + 2 * x1Momentum);     // v2 = beta v1 + g2
