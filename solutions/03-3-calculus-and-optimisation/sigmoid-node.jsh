Node sigmoidNode(Node a) {
    double s = 1 / (1 + Math.exp(-a.data));
    Node out = new Node(s, "sigmoid", a);
    out.backwardStep = () -> a.grad += s * (1 - s) * out.grad;
    return out;
}
