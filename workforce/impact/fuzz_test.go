package impact_test

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/exodus-lab/exodus/workforce/impact"
)

// floats reads b as little-endian float64 bits, so that the fuzzer can
// reach NaN, ±Inf, subnormals and huge values.
func floats(b []byte) []float64 {
	x := make([]float64, len(b)/8)
	for i := range x {
		x[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	return x
}

func bytesOf(x ...float64) []byte {
	b := make([]byte, 8*len(x))
	for i, v := range x {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// square takes the first n² values as an n × n matrix, n = 1…4 chosen by
// the first byte.
func square(nb byte, x []float64) ([][]float64, []float64, bool) {
	n := int(nb)%4 + 1
	if len(x) < n*n {
		return nil, nil, false
	}
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = x[i*n : (i+1)*n]
	}
	return rows, x[n*n:], true
}

func known(err error) bool {
	for _, e := range []error{impact.ErrBadValue, impact.ErrShape, impact.ErrSingular, impact.ErrNotProductive} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// FuzzLeontief: any matrix gives L or an error wrapping a sentinel, never
// a panic; a returned L is finite and non-negative, and (I − A)·L = I.
func FuzzLeontief(f *testing.F) {
	f.Add(byte(1), bytesOf(0.15, 0.25, 0.20, 0.05))
	f.Add(byte(1), bytesOf(0.5, 0.6, 0.6, 0.5))
	f.Add(byte(1), bytesOf(1, 0, 0, 0))
	f.Add(byte(0), bytesOf(math.NaN()))
	f.Add(byte(2), bytesOf(0.1, 0.2, 0.3, 0, 0, 0, 0.9, 0.2, 1e-300))
	f.Fuzz(func(t *testing.T, nb byte, b []byte) {
		rows, _, ok := square(nb, floats(b))
		if !ok {
			return
		}
		a, err := impact.NewMatrix(rows)
		if err != nil {
			if !known(err) {
				t.Fatalf("NewMatrix: unexpected error %v", err)
			}
			return
		}
		l, err := impact.Leontief(a)
		if err != nil {
			if !known(err) {
				t.Fatalf("Leontief: unexpected error %v", err)
			}
			return
		}
		n, _ := a.Dims()
		norm := 0.0
		for i := range n {
			for j := range n {
				x := l.At(i, j)
				if x < 0 || math.IsNaN(x) || math.IsInf(x, 0) {
					t.Fatalf("L(%d, %d) = %v", i, j, x)
				}
				norm = math.Max(norm, x)
			}
		}
		// (I − A)·L = I to within the conditioning: the residual of an LU
		// inverse is about n·ε·‖I − A‖·‖L‖.
		for i := range n {
			for j := range n {
				var s, scale float64
				for k := range n {
					c := -a.At(i, k)
					if i == k {
						c++
					}
					s += c * l.At(k, j)
					scale += math.Abs(c) * l.At(k, j)
				}
				want := 0.0
				if i == j {
					want = 1
				}
				if math.Abs(s-want) > 1e-8*math.Max(1, scale) {
					t.Fatalf("(I − A)·L (%d, %d) = %v, want %v (A %v)", i, j, s, want, a)
				}
			}
		}
	})
}

// FuzzCoefficients: a = z/x column by column, or an error naming a
// sentinel.
func FuzzCoefficients(f *testing.F) {
	f.Add(byte(1), bytesOf(150, 500, 200, 100, 1000, 2000))
	f.Add(byte(1), bytesOf(150, 500, 200, 100, 0, 2000))
	f.Add(byte(1), bytesOf(0, 500, 0, 100, 0, 2000))
	f.Add(byte(0), bytesOf(-1, 1))
	f.Fuzz(func(t *testing.T, nb byte, b []byte) {
		rows, rest, ok := square(nb, floats(b))
		if !ok {
			return
		}
		z, err := impact.NewMatrix(rows)
		if err != nil {
			return
		}
		a, err := impact.Coefficients(z, rest)
		if err != nil {
			if !known(err) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		n, _ := z.Dims()
		for i := range n {
			for j := range n {
				if got, want := a.At(i, j), z.At(i, j)/rest[j]; z.At(i, j) != 0 && got != want {
					t.Fatalf("a(%d, %d) = %v, want %v", i, j, got, want)
				}
				if a.At(i, j) < 0 {
					t.Fatalf("negative coefficient %v", a.At(i, j))
				}
			}
		}
	})
}

// FuzzSUT: any supply and use table gives a table or an error, never a
// panic; when multipliers exist, L·D·f_d = g (Model D) holds.
func FuzzSUT(f *testing.F) {
	f.Add(byte(1), bytesOf(2, 3, 1, 3, 8, 2, 0, 10, 5, 6, 2, 3))
	f.Add(byte(1), bytesOf(6, 6, 6, 6, 10, 2, 2, 10, 1, 1, 1, 1))
	f.Add(byte(0), bytesOf(1, 2, 1, 1))
	f.Fuzz(func(t *testing.T, nb byte, b []byte) {
		x := floats(b)
		n := int(nb)%3 + 1
		if len(x) < 2*n*n+2*n {
			return
		}
		mat := func(off int) [][]float64 {
			r := make([][]float64, n)
			for i := range r {
				r[i] = x[off+i*n : off+(i+1)*n]
			}
			return r
		}
		u, err1 := impact.NewMatrix(mat(0))
		v, err2 := impact.NewMatrix(mat(n * n))
		if err1 != nil || err2 != nil {
			return
		}
		labels := []string{"A", "B", "C"}[:n]
		s, err := impact.NewSUT(labels, u, v, x[2*n*n:2*n*n+n], x[2*n*n+n:2*n*n+2*n])
		if err != nil {
			if !known(err) {
				t.Fatalf("NewSUT: unexpected error %v", err)
			}
			return
		}
		for _, tech := range []impact.Technology{impact.FixedProductSales, impact.IndustryTechnology} {
			if _, err := s.Multipliers(tech); err != nil && !known(err) {
				t.Fatalf("Multipliers: unexpected error %v", err)
			}
		}
		a, err := s.Coefficients(impact.FixedProductSales)
		if err != nil {
			t.Fatal(err)
		}
		l, err := impact.Leontief(a)
		if err != nil {
			return
		}
		df, _ := s.MarketShares().MulVec(s.FinalDemand())
		got, _ := l.MulVec(df)
		g := s.IndustryOutput()
		// An LU inverse is accurate to about ε·‖L‖ in each element, so
		// L·D·f is accurate to that times the size of D·f: an element of
		// g far smaller than the rest of the table is not resolved.
		var size float64
		for _, v := range df {
			size += v
		}
		for j := range g {
			if math.IsInf(g[j], 0) || g[j] > 1e300 || size > 1e300 {
				return // sums beyond float64: no meaningful identity
			}
			if math.Abs(got[j]-g[j]) > 1e-6*math.Max(1, math.Max(g[j], size))*(1+norm(l)) {
				t.Fatalf("L·D·f (%d) = %v, g = %v", j, got[j], g[j])
			}
		}
	})
}

func norm(m impact.Matrix) float64 {
	s := 0.0
	for _, c := range m.ColSums() {
		s = math.Max(s, c)
	}
	return s
}
