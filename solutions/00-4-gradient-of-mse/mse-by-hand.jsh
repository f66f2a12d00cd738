double myMse = 0.5625;
