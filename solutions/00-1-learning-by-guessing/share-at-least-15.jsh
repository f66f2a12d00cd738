var r = Guesser.simulate(200_000, 20);
long[] c = r.counts();
long atLeast15 = 0;
for (int k = 15; k <= 20; k++) atLeast15 += c[k];
double shareAtLeast15 = (double) atLeast15 / r.tests();
