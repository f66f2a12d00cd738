double[] myDW1Shape = {2, 5};    // like W1: inputs x hidden units
double[] myDA1Shape = {10, 5};   // like A1: examples x hidden units
