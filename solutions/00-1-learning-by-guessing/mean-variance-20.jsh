double mean20 = 20 * 0.5;
double variance20 = 20 * 0.5 * (1 - 0.5);
