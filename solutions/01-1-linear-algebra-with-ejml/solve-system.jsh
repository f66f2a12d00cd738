// From x - y = -1, x = y - 1; then 3(y - 1) + 2y = 12 gives y = 3 and x = 2.
double[] mySolution = Vectors.of(2, 3);
