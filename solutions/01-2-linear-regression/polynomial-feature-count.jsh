double myCount = 3 + 3 + 3; // a, b, c; their squares; ab, ac, bc
