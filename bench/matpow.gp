\\ Exact power A^K of the 16x16 matrix of ../shared/bench/w4_mat16.json with PARI/GP (t_MAT of
\\ t_FRAC), in the peers' protocol. env: K (default 1024), SHARED_BENCH (the shared bench dir).
\\ DIGEST: A^K[1,1], and the sum of all entries mod 2^61 - 1 (as sigma's --matpow prints).
dir = getenv("SHARED_BENCH"); if(dir == 0, dir = "../shared/bench");
read(Str(dir, "/common.gp")); read(Str(dir, "/w4_mat16.gp"));
K = getenv("K"); K = if(K == 0, 1024, eval(K));
{
t0 = getwalltime();
P = A16^K;
dt = getwalltime() - t0;
chk = lift(sum(i = 1, 16, sum(j = 1, 16, Mod(P[i, j], P61))));
report(dt, Str("P[0][0] = ", qdig(P[1, 1]), "; sum P mod 2^61-1 = ", chk));
}
quit
