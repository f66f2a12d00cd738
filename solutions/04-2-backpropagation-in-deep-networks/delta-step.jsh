// deltaAbove: m x n_{l+1}, wAbove: n_l x n_{l+1}, zHere: m x n_l, g: this layer's activation. Return m x n_l.
SimpleMatrix deltaBelow(SimpleMatrix deltaAbove, SimpleMatrix wAbove, SimpleMatrix zHere, Activation g) {
    return deltaAbove.mult(wAbove.transpose()).elementMult(apply(zHere, g, true));
}
