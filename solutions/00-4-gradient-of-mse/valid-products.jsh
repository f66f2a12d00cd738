Boolean definedA = true;
Boolean definedB = true;
Boolean definedC = false;
Boolean definedD = false;
Boolean definedE = true;
