double myUpdates = Math.ceil(130 / 32.0);      // 4 full batches and one with the rest
double myLastBatch = 130 - 4 * 32;
