double myComponents = 3; // running totals 0.9246, 0.9777, 0.9948: three components pass 0.99
