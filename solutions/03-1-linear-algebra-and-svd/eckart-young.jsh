double myError1 = Math.sqrt(10); // sigma = sqrt(12), sqrt(10); rank 1 drops sqrt(10)
