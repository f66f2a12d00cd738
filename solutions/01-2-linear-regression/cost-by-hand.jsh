double myJ = 2.0 / (2 * 3); // errors (0, -1, -1), squares sum to 2, m = 3
