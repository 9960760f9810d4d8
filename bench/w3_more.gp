\\ W3-style certified constants at any number of digits with PARI/GP, in the INPROC/DIGEST
\\ protocol of ../shared/bench (w3.gp fixes the digit counts). env: F in {pi, zeta32, erfhalf},
\\ D digits, SHARED_BENCH. INPROC times the value and its decimal string.
read(concat(getenv("SHARED_BENCH"), "/common.gp"));
F = getenv("F"); D = eval(getenv("D"));
default(realprecision, D + 10);
{
t0 = getwalltime();
if(F == "pi", v = Pi);
if(F == "zeta32", v = zeta(3/2));
if(F == "erfhalf", v = 1 - erfc(1/2));
s = Str(v);
dt = getwalltime() - t0;
report(dt, realdig(v, D));
}
quit
