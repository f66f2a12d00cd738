double myDistance = Math.sqrt(3 * 3 + 4 * 4 + 0 * 0);
