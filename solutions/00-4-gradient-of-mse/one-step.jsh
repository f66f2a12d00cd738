double myNewW = 1 + 0.1 * 16.0 / 3;
double myNewB = 0.4;
