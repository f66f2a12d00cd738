double myFlops = 2.0 * 500 * 500 * 500; // 2n^3 = 2.5e8
