class LogNode extends GNode {
    LogNode(GNode a) { super("log", a); }
    void forward() { value = Math.log(inputs.get(0).value); }
    void backward() { inputs.get(0).grad += grad / inputs.get(0).value; }
}
