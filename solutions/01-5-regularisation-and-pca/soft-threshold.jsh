double myW1 = 0.7 - 0.25; // |0.7| > 0.25: move towards 0 by lambda
double myW2 = 0.0;        // |-0.2| <= 0.25: the weight lands exactly on 0
