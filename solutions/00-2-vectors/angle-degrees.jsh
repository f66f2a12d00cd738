double myAngleDegrees = Math.toDegrees(Math.acos(1 / (Math.sqrt(2) * Math.sqrt(2))));
