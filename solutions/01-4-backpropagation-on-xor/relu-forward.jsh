double z11 = 0.5 * 1 + 1 * 1 + 0;            // z1 = x W1 + b1
double z12 = 0.5 * 1 + 1 * 1 - 1;
double myOutput = Math.max(0, z11) * 1 + Math.max(0, z12) * -2 + 0;   // relu, then a1 W2 + b2
