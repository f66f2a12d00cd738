double malignantIn30 = Math.round(0.3 * 212);   // round(63.6) = 64
