// SPDX-License-Identifier: Apache-2.0
package dev.rime.engine.stats;

/**
 * The p-value of the two-sided two-sample Kolmogorov-Smirnov statistic D as {@code
 * scipy.stats.ks_2samp(x, y, method='auto')} computes it, from D and the two sample sizes alone (D
 * itself comes from SQL, see {@code dev.rime.engine.tests.drift.Ecdf}):
 *
 * <ul>
 *   <li>both samples of at most {@link #MAX_EXACT_N} values: exact. D is rounded to the lattice of
 *       possible values {@code h / lcm(n, m)}; {@code P(D ≥ d)} is the share of the {@code binom(n
 *       + m, n)} orderings of the pooled sample whose ECDF path leaves the band {@code |i/n − j/m|
 *       < d}: for n = m by Hodges' (1958) alternating sum, else by the inside method in Viehmann's
 *       (2021) numerically stable form (1 − the share of paths inside, as a recursion on that
 *       share);
 *   <li>otherwise (or if the exact sum fails): {@code kstwo.sf(D, round(n m / (n + m)))}, the
 *       one-sample two-sided Kolmogorov distribution at the effective size, computed as scipy's
 *       {@code _kolmogn} does (Simard and L'Ecuyer 2011): the Ruben–Gambino closed forms at the
 *       extremes, the Durbin matrix (Marsaglia, Tsang and Wang 2003) where it is exact and cheap,
 *       the Pelz–Good (1976) expansion for large n, and {@code 2 · smirnov(n, x)} (the one-sided
 *       Birnbaum–Tingey sum) in the tail.
 * </ul>
 *
 * Ties in the data do not change the p-value (as in scipy): it is that of a continuous
 * distribution.
 */
public final class KolmogorovSmirnov {

  /** scipy's {@code MAX_AUTO_N}: exact p-values while both samples have at most this many. */
  public static final int MAX_EXACT_N = 10000;

  /** cephes' MINLOG: exp of anything below is 0. */
  private static final double MIN_LOG = -7.451332191019412076235E2;

  private static final double TWO_128 = Math.scalb(1.0, 128);
  private static final double TWO_MINUS_128 = Math.scalb(1.0, -128);
  private static final double PI2 = Math.PI * Math.PI;
  private static final double PI4 = PI2 * PI2;
  private static final double PI6 = PI4 * PI2;
  private static final double SQRT2PI = Math.sqrt(2 * Math.PI);
  private static final double SQRT3 = Math.sqrt(3);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double[] STIRLING = {
    -2.955065359477124183e-2, 6.4102564102564102564e-3,
    -1.9175269175269175269e-3, 8.4175084175084175084e-4,
    -5.952380952380952381e-4, 7.9365079365079365079e-4,
    -2.7777777777777777778e-3, 8.3333333333333333333e-2
  };

  /**
   * A two-sample test result.
   *
   * @param statistic D (rounded to {@code h / lcm(n, m)} when the p-value is exact)
   * @param pValue {@code P(D_{n,m} ≥ statistic)} under "one distribution"
   * @param exact whether the p-value is exact (else asymptotic)
   */
  public record Result(double statistic, double pValue, boolean exact) {}

  private KolmogorovSmirnov() {}

  /**
   * The two-sided p-value of D between samples of {@code n1} and {@code n2} values.
   *
   * @throws IllegalArgumentException when a sample is empty or D is not in [0, 1]
   */
  public static Result test(double d, long n1, long n2) {
    if (n1 < 1 || n2 < 1 || n1 > Integer.MAX_VALUE || n2 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sample sizes must be 1 to 2^31-1: " + n1 + ", " + n2);
    }
    if (!(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("D must be in [0, 1], got " + d);
    }
    double stat = d;
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
      long g = gcd(n1, n2);
      long lcm = (n1 / g) * n2;
      long h = (long) Math.rint(d * lcm);
      stat = h * 1.0 / lcm;
      if (h == 0) {
        return new Result(stat, 1.0, true);
      }
      double p =
          n1 == n2 ? outsideSquare((int) n1, h) : outsideBand((int) n1, (int) n2, (int) g, h);
      if (p >= 0 && p <= 1) {
        return new Result(stat, p, true);
      }
    }
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    return new Result(stat, clip(kstwoSf(stat, (long) Math.rint(en))), false);
  }

  /** Hodges (1958) eq. 2.4 for n = m: {@code P(D_{n,n} ≥ h / n)}, Horner-like. */
  static double outsideSquare(int n, long h) {
    double p = 0;
    long k = n / h;
    while (k >= 0) {
      double p1 = 1.0;
      for (long j = 0; j < h; j++) {
        p1 = (double) (n - k * h - j) * p1 / (double) (n + k * h + j + 1);
      }
      p = p1 * (1.0 - p);
      k--;
    }
    return 2 * p;
  }

  /**
   * {@code P(D_{n1,n2} ≥ h / lcm)}: the share of lattice paths from (0, 0) to (m, n) that leave the
   * band {@code |x/m − y/n| < h / lcm}, computed column by column as the share that has left it
   * (Viehmann 2021), over a sliding window of the band.
   */
  static double outsideBand(int n1, int n2, int g, long h) {
    int m = Math.max(n1, n2);
    int n = Math.min(n1, n2);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min(Math.ceil((double) h / mg), n + 1);
    int curlen = maxj - minj;
    int lenA = Math.min(2 * maxj + 2, n + 1);
    double[] a = new double[lenA];
    java.util.Arrays.fill(a, 1.0);
    for (int j = minj; j < maxj; j++) {
      a[j] = 0.0;
    }
    for (int i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max(Math.floor((double) (ng * i - h) / mg) + 1, 0);
      minj = Math.min(minj, n);
      maxj = (int) Math.min(Math.ceil((double) (ng * i + h) / mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        int from = jj + minj - lastminj;
        double prev = from < lenA ? a[from] : 1.0;
        val = (prev * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        int end = Math.min(lenA, maxj - minj + (lastlen - curlen));
        for (int j = maxj - minj; j < end; j++) {
          a[j] = 1.0;
        }
      }
    }
    return a[maxj - minj - 1];
  }

  /**
   * {@code P(D_n ≥ x)} for the one-sample two-sided statistic (scipy's {@code kstwo.sf(x, n)}),
   * with scipy's choice of method per region. Where scipy uses Pomeranz's recursion (n ≤ 140,
   * 0.754693 &lt; n x² ≤ 4) this uses the Durbin matrix, also exact.
   */
  static double kstwoSf(double x, long n) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x >= 1.0) {
      return 0.0;
    }
    if (x <= 0.0) {
      return 1.0;
    }
    double t = n * x;
    if (t <= 1.0) {
      if (t <= 0.5) {
        return 1.0;
      }
      double cdf;
      if (n <= 140) {
        cdf = 1.0;
        for (long i = 1; i <= n; i++) {
          cdf *= i * (1.0 / n) * (2 * t - 1);
        }
      } else {
        cdf = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
      }
      return clip(1.0 - cdf);
    }
    if (t >= n - 1) {
      return clip(2 * Math.pow(1.0 - x, n));
    }
    if (x >= 0.5) {
      return clip(2 * smirnovSf(n, x));
    }
    double nxSquared = t * x;
    if (n <= 140) {
      if (nxSquared <= 4) {
        return clip(1.0 - durbinCdf(n, x));
      }
      return clip(2 * smirnovSf(n, x));
    }
    if (nxSquared >= 370.0) {
      return 0.0;
    }
    if (nxSquared >= 2.2) {
      return clip(2 * smirnovSf(n, x));
    }
    double cdf;
    if (n <= 100000 && n * Math.pow(x, 1.5) <= 1.4) {
      cdf = durbinCdf(n, x);
    } else {
      cdf = pelzGoodCdf(n, x);
    }
    return clip(1.0 - cdf);
  }

  /** {@code log(n! / n^n)} by Stirling's series. */
  private static double logNFactorialDivNPowN(long n) {
    double rn = 1.0 / n;
    double z = rn / n;
    double poly = 0;
    for (double c : STIRLING) {
      poly = poly * z + c;
    }
    return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
  }

  /**
   * {@code P(D_n ≤ d)} exactly, by the Durbin matrix: with {@code d = (k − h) / n}, the k-th
   * diagonal element of {@code (n! / n^n) H^n} for a (2k − 1)-square matrix H (Marsaglia, Tsang and
   * Wang 2003), with powers of 2 kept aside so nothing overflows.
   */
  static double durbinCdf(long n, double d) {
    if (d >= 1.0) {
      return 1.0;
    }
    double nd = n * d;
    if (nd <= 0.5) {
      return 0.0;
    }
    int k = (int) Math.ceil(nd);
    double h = k - nd;
    int m = 2 * k - 1;
    double[] v = new double[m];
    double[] w = new double[m];
    double fac = 1.0;
    for (int j = 1; j <= m; j++) {
      v[j - 1] = 1.0 - Math.pow(h, j);
      w[j - 1] = fac;
      fac /= j;
      v[j - 1] *= fac;
    }
    double tt = Math.pow(Math.max(2 * h - 1.0, 0), m) - 2 * Math.pow(h, m);
    v[m - 1] = (1.0 + tt) * fac;
    double[][] hm = new double[m][m];
    for (int i = 1; i < m; i++) {
      for (int r = i - 1; r < m; r++) {
        hm[r][i] = w[r - (i - 1)];
      }
    }
    for (int r = 0; r < m; r++) {
      hm[r][0] = v[r];
    }
    for (int c = 0; c < m; c++) {
      hm[m - 1][c] = v[m - 1 - c];
    }
    double[][] power = new double[m][m];
    for (int i = 0; i < m; i++) {
      power[i][i] = 1.0;
    }
    long nn = n;
    int expnt = 0;
    int hExpnt = 0;
    while (nn > 0) {
      if (nn % 2 == 1) {
        power = multiply(power, hm);
        expnt += hExpnt;
      }
      nn /= 2;
      if (nn == 0) {
        break;
      }
      hm = multiply(hm, hm);
      hExpnt *= 2;
      if (Math.abs(hm[k - 1][k - 1]) > TWO_128) {
        for (double[] row : hm) {
          for (int c = 0; c < m; c++) {
            row[c] *= TWO_MINUS_128;
          }
        }
        hExpnt += 128;
      }
    }
    double p = power[k - 1][k - 1];
    for (long i = 1; i <= n; i++) {
      p = i * p / n;
      if (Math.abs(p) < TWO_MINUS_128) {
        p *= TWO_128;
        expnt -= 128;
      }
    }
    if (expnt != 0) {
      p = Math.scalb(p, expnt);
    }
    return clip(p);
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int m = a.length;
    double[][] out = new double[m][m];
    for (int i = 0; i < m; i++) {
      double[] row = out[i];
      for (int l = 0; l < m; l++) {
        double ail = a[i][l];
        if (ail == 0) {
          continue;
        }
        double[] bl = b[l];
        for (int j = 0; j < m; j++) {
          row[j] += ail * bl[j];
        }
      }
    }
    return out;
  }

  /**
   * The Pelz–Good (1976) approximation of {@code P(D_n ≤ x)}: Li-Chien and Korolyuk's expansion
   * {@code K0(z) + K1(z)/√n + K2(z)/n + K3(z)/n^1.5}, z = x√n, with each term in its small-z
   * (Jacobi theta) form.
   */
  static double pelzGoodCdf(long n, double x) {
    if (x <= 0.0) {
      return 0.0;
    }
    if (x >= 1.0) {
      return 1.0;
    }
    double z = Math.sqrt(n) * x;
    double z2 = z * z;
    double z3 = z2 * z;
    double z4 = z2 * z2;
    double z6 = z4 * z2;
    double qlog = -PI2 / 8 / z2;
    if (qlog < -708) {
      return 0.0;
    }
    double q = Math.exp(qlog);
    double k1a = -z2;
    double k1b = PI2 / 4;
    double k2a = 6 * z6 + 2 * z4;
    double k2b = (2 * z4 - 5 * z2) * PI2 / 4;
    double k2c = PI4 * (1 - 2 * z2) / 16;
    double k3d = PI6 * (5 - 30 * z2) / 64;
    double k3c = PI4 * (-60 * z2 + 212 * z4) / 16;
    double k3b = PI2 * (135 * z4 - 96 * z6) / 4;
    double k3a = -30 * z6 - 90 * Math.pow(z, 8);
    double[] kk = new double[4];
    int maxk = (int) Math.ceil(16 * z / Math.PI);
    for (int k = maxk; k > 0; k--) {
      double m = 2.0 * k - 1;
      double m2 = m * m;
      double m4 = m2 * m2;
      double m6 = m4 * m2;
      double qpower = Math.pow(q, 8 * k);
      double[] c = {
        1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6
      };
      for (int i = 0; i < 4; i++) {
        kk[i] = kk[i] * qpower + c[i];
      }
    }
    double[] div = {z, 6 * z4, 72 * Math.pow(z, 7), 6480 * Math.pow(z, 10)};
    for (int i = 0; i < 4; i++) {
      kk[i] = kk[i] * q * SQRT2PI / div[i];
    }
    double q2 = Math.exp(-PI2 / 2 / z2);
    double sqrt3z = SQRT3 * z;
    double k2extra = 0;
    double k3extra = 0;
    for (int k = maxk; k > 0; k--) {
      double ksq = (double) k * k;
      double qp = Math.pow(q2, ksq);
      double kpi = Math.PI * k;
      k2extra += ksq * qp;
      k3extra += (sqrt3z + kpi) * (sqrt3z - kpi) * ksq * qp;
    }
    kk[2] += k2extra * PI2 * SQRT2PI / (-36 * z3);
    kk[3] += k3extra * PI2 * SQRT2PI / (216 * z6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += kk[i] / Math.pow(n, i / 2.0);
    }
    return sum;
  }

  /**
   * {@code P(D_n^+ ≥ x)}, the one-sided statistic (scipy's {@code smirnov(n, x)}): Birnbaum and
   * Tingey's sum {@code x Σ_{v=0}^{⌊n(1−x)⌋} C(n, v) (x + v/n)^(v−1) (1 − x − v/n)^(n−v)}, terms in
   * logarithms with n x split exactly into its whole and fractional parts; above a million values
   * scipy's approximation {@code exp(−(6nx + 1)² / 18n)}.
   */
  static double smirnovSf(long n, double x) {
    if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
      return Double.NaN;
    }
    if (n == 1) {
      return 1 - x;
    }
    if (x == 0.0) {
      return 1.0;
    }
    if (x == 1.0) {
      return 0.0;
    }
    // n x = nxfl + alpha exactly (n < 2^53, so the product's error term is exact).
    double nxHi = n * x;
    double nxLo = Math.fma((double) n, x, -nxHi);
    double fl = Math.floor(nxHi);
    double alpha = (nxHi - fl) + nxLo;
    if (alpha < 0) {
      fl -= 1;
      alpha += 1;
    } else if (alpha >= 1) {
      fl += 1;
      alpha -= 1;
    }
    long nxfl = (long) fl;
    if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
      return clip(1 - x * Math.pow(1 + x, n - 1));
    }
    if (-2 * n * x * x < MIN_LOG) {
      return 0.0;
    }
    if (nxfl >= n - 1) {
      return clip(Math.pow(1 - x, n));
    }
    if (n > 1_000_000) {
      double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
      return clip(logp < -Math.log(2) ? Math.exp(logp) : 1 + Math.expm1(logp));
    }
    long n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
    if (alpha == 0) {
      n1mxfl -= 1;
    }
    long terms = n1mxfl + 1;
    double sum = Math.exp(n * Math.log1p(-x)) / x;
    double compensation = 0;
    // log C(n, v), summed with compensation: plain summation of a million small increments onto a
    // large total drifts systematically (1e-8 relative at n = 750000).
    double logBinom = 0;
    double logBinomCompensation = 0;
    for (long v = 1; v < terms; v++) {
      double increment = Math.log((double) (n - v + 1) / v) - logBinomCompensation;
      double total = logBinom + increment;
      logBinomCompensation = (total - logBinom) - increment;
      logBinom = total;
      double t2 = ((double) (n - v - nxfl) - alpha) / n; // 1 − x − v/n
      double t1 = ((double) (nxfl + v) + alpha) / n; // x + v/n
      double logA = logBinom + (n - v) * Math.log(t2) + (v - 1) * Math.log(t1);
      double a = Math.exp(logA);
      if (a != 0) {
        double y = a - compensation;
        double s = sum + y;
        compensation = (s - sum) - y;
        sum = s;
        if (4.0 * (terms - v) * a < Math.ulp(1.0) * sum && v != terms - 1) {
          break;
        }
      } else if (v > n / 2) {
        break;
      }
    }
    return clip(x * sum);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static double clip(double p) {
    return Math.max(0.0, Math.min(1.0, p));
  }
}
