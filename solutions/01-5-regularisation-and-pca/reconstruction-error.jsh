double myError = (150 - 1.0) / (150 * 4.0) * (lam[1] + lam[2] + lam[3]);
