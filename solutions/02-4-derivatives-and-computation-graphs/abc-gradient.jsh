double[] myAbc = {b0 + c0 * Math.exp(a0), a0, Math.exp(a0)};
