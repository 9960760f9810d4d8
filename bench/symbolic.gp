\\ Series with symbolic coefficients in PARI/GP (issue 15's peer), in the INPROC/DIGEST protocol
\\ of ../shared/bench. env: F in {expsin, pisqrt2}, N.
\\   expsin:  exp(a*x)*sin(x), a a free variable
\\   pisqrt2: exp(sqrt(2)*x)*sin(pi*x), pi a free variable p and sqrt(2) = Mod(r, r^2 - 2)
\\ Digest: the coefficient of x^N with a = 2 (pi = 2), written u + v*sqrt(2).
default(parisizemax, 2^31);
read(concat(getenv("SHARED_BENCH"), "/common.gp"));
F = getenv("F"); N = eval(getenv("N"));
t0 = getwalltime();
if(F == "expsin", s = exp(a*x + O(x^(N+1))) * sin(x + O(x^(N+1))));
if(F == "pisqrt2", s = exp(Mod(r, r^2 - 2)*x + O(x^(N+1))) * sin(p*x + O(x^(N+1))));
dt = getwalltime() - t0;
c = polcoef(s, N, x);
if(F == "expsin", v = subst(c, a, 2); u0 = v; u1 = 0);
if(F == "pisqrt2", v = lift(subst(c, p, 2)); u0 = polcoef(v, 0, r); u1 = polcoef(v, 1, r));
report(dt, Str("c[", N, "] = ", qdig(u0), " + ", qdig(u1), "*sqrt2"));
quit
