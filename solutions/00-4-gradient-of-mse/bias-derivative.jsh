double myDb = -4;
