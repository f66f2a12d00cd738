double myDLdb = Sigmoid.value(0.5 * 2 + 0.25 * -1 - 0.5) - 0;   // a - y, with z = w . x + b = 0.25
