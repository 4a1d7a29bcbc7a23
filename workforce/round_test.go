package workforce_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

// adjacent reports whether y is one of the two multiples of base next to x
// (x itself when x is a multiple).
func adjacent(x, y, base float64) bool {
	lo := math.Floor(x/base+1e-9) * base
	if math.Abs(x-lo) <= 1e-9*math.Max(1, x) {
		return math.Abs(y-x) <= 1e-9*math.Max(1, x)
	}
	return math.Abs(y-lo) <= 1e-9*math.Max(1, y) || math.Abs(y-(lo+base)) <= 1e-9*math.Max(1, y)
}

func isMultiple(y, base float64) bool {
	q := y / base
	return math.Abs(q-math.Round(q)) <= 1e-9*math.Max(1, q)
}

// Property (Cox and Ernst 1982): every cell, row total, column total and the
// grand total of the rounded table is an adjacent multiple of the original,
// and the rounded table adds up.
func TestControlledRoundProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	bases := []float64{1, 5, 10, 1000, 0.5, 3}
	for trial := range 372 {
		nr, nc := 1+r.IntN(8), 1+r.IntN(8)
		if trial >= 360 { // large tables take the feasible-flow path
			nr, nc = 50+r.IntN(100), 10+r.IntN(30)
		}
		base := bases[trial%len(bases)] // every base, small and large tables
		vals := make([][]float64, nr)
		for i := range vals {
			vals[i] = make([]float64, nc)
			for j := range vals[i] {
				switch r.IntN(4) {
				case 0: // already a multiple: must stay
					vals[i][j] = float64(r.IntN(5)) * base
				case 1: // below one base: rounds to 0 or base
					vals[i][j] = r.Float64() * base
				default:
					vals[i][j] = r.Float64() * 40 * base
				}
			}
		}
		tab := workforce.MustNewTable(labels("r", nr), labels("c", nc), vals)
		got, err := workforce.ControlledRound(tab, base)
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		for i := range nr {
			for j := range nc {
				x, y := tab.At(i, j), got.At(i, j)
				if !isMultiple(y, base) || !adjacent(x, y, base) {
					t.Fatalf("trial %d base %v: cell %v → %v", trial, base, x, y)
				}
			}
		}
		check := func(what string, xs, ys []float64) {
			for k := range xs {
				if !adjacent(xs[k], ys[k], base) {
					t.Fatalf("trial %d base %v: %s %d: %v → %v", trial, base, what, k, xs[k], ys[k])
				}
			}
		}
		check("row total", tab.RowTotals(), got.RowTotals())
		check("column total", tab.ColTotals(), got.ColTotals())
		check("grand total", []float64{tab.Total()}, []float64{got.Total()})
	}
}

func TestControlledRoundKnown(t *testing.T) {
	// Hand: fractions 0.5 in every cell of a 2×2 table, totals 1, 1, 1, 1,
	// grand total 2: exactly two cells round up, one per row and column.
	tab := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{0.5, 0.5}, {0.5, 0.5}})
	got, err := workforce.ControlledRound(tab, 1)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{1, 1}, got.RowTotals()); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]float64{1, 1}, got.ColTotals()); diff != "" {
		t.Errorf("columns (-want +got):\n%s", diff)
	}
	// A small fraction of a large value is still a fraction: hand, 1e9+0.25
	// and 1e9+0.75 in one row (total 2e9+1) round to 1e9 and 1e9+1.
	big := workforce.MustNewTable([]string{"a"}, []string{"x", "y"}, [][]float64{{1e9 + 0.25, 1e9 + 0.75}})
	got, _ = workforce.ControlledRound(big, 1)
	if diff := cmp.Diff([][]float64{{1e9, 1e9 + 1}}, got.Values()); diff != "" {
		t.Errorf("large values (-want +got):\n%s", diff)
	}
	// Whole numbers are left alone.
	whole := workforce.MustNewTable([]string{"a"}, []string{"x", "y"}, [][]float64{{3, 10}})
	if got, _ := workforce.ControlledRound(whole, 1); !got.Equal(whole) {
		t.Errorf("whole numbers changed: %v", got.Values())
	}
	// Larger fractions are preferred: 0.9 rounds up, 0.1 down (row total 1).
	lean := workforce.MustNewTable([]string{"a"}, []string{"x", "y"}, [][]float64{{0.1, 0.9}})
	got, _ = workforce.ControlledRound(lean, 1)
	if diff := cmp.Diff([][]float64{{0, 1}}, got.Values()); diff != "" {
		t.Errorf("lean (-want +got):\n%s", diff)
	}
}

func TestControlledRoundErrors(t *testing.T) {
	tab := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{1.5}})
	for _, base := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := workforce.ControlledRound(tab, base); !errors.Is(err, workforce.ErrBadValue) {
			t.Errorf("base %v: error = %v", base, err)
		}
	}
	missing := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{math.NaN()}})
	if _, err := workforce.ControlledRound(missing, 1); !errors.Is(err, workforce.ErrMissing) {
		t.Errorf("missing: error = %v", err)
	}
	// Cells that no float64 multiple of base can round exactly (more than
	// 2⁵³ bases, or an overflowing quotient) are an error, not a wrong table.
	for _, tt := range []struct {
		cell, base float64
	}{{1e300, 1}, {1e10, 1e-7}, {1, 1e-320}, {(1 << 53) * 5.5, 5}} {
		tab := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{tt.cell, 0.5}, {0.5, 0.5}})
		if got, err := workforce.ControlledRound(tab, tt.base); !errors.Is(err, workforce.ErrBadValue) || got != nil {
			t.Errorf("cell %v, base %v: got %v, error %v; want ErrBadValue", tt.cell, tt.base, got, err)
		}
	}
}

func labels(prefix string, n int) []string {
	s := make([]string, n)
	for i := range s {
		s[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return s
}

func BenchmarkControlledRound(b *testing.B) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, size := range [][2]int{{21, 4}, {2000, 50}} {
		vals := make([][]float64, size[0])
		for i := range vals {
			vals[i] = make([]float64, size[1])
			for j := range vals[i] {
				vals[i][j] = r.Float64() * 1000
			}
		}
		tab := workforce.MustNewTable(labels("r", size[0]), labels("c", size[1]), vals)
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := workforce.ControlledRound(tab, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Fuzz: controlled rounding never panics and, when it succeeds, keeps
// every cell and total adjacent.
func FuzzControlledRound(f *testing.F) {
	f.Add(0.5, 0.5, 0.5, 0.5, 1.5, 2.25, 1.0)
	f.Add(1e9+0.5, 3.0, 0.0, 7.7, 1e-9, 12.0, 5.0)
	f.Fuzz(func(t *testing.T, a, b, c, d, e, g, base float64) {
		tab, err := workforce.NewTable([]string{"r0", "r1"}, []string{"c0", "c1", "c2"}, [][]float64{{a, b, c}, {d, e, g}})
		if err != nil {
			return
		}
		got, err := workforce.ControlledRound(tab, base)
		if err != nil {
			return
		}
		if math.Abs(got.Total()-tab.Total()) >= base*(1+1e-9)+1e-9*tab.Total() {
			t.Fatalf("total %v → %v (base %v)", tab.Total(), got.Total(), base)
		}
		for i := range 2 {
			for j := range 3 {
				if d := math.Abs(got.At(i, j) - tab.At(i, j)); d >= base*(1+1e-9)+1e-9*tab.At(i, j) {
					t.Fatalf("cell %v → %v (base %v)", tab.At(i, j), got.At(i, j), base)
				}
			}
		}
	})
}

// For small tables the rounding has the least total absolute change among
// all controlled roundings; checked against brute-force enumeration, an
// independent method.
func TestControlledRoundOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for trial := range 300 {
		nr, nc := 1+r.IntN(3), 1+r.IntN(4)
		vals := make([][]float64, nr)
		for i := range vals {
			vals[i] = make([]float64, nc)
			for j := range vals[i] {
				vals[i][j] = float64(r.IntN(4)) + []float64{0, 0.1, 0.25, 0.5, 0.6, 0.9, r.Float64()}[r.IntN(7)]
			}
		}
		tab := workforce.MustNewTable(labels("r", nr), labels("c", nc), vals)
		got, err := workforce.ControlledRound(tab, 1)
		if err != nil {
			t.Fatal(err)
		}
		cost := func(y *workforce.Table) float64 {
			s := 0.0
			for i := range nr {
				for j := range nc {
					s += math.Abs(y.At(i, j) - tab.At(i, j))
				}
			}
			return s
		}
		best := math.Inf(1)
		n := nr * nc
		for mask := range 1 << n {
			cand := make([][]float64, nr)
			ok := true
			for i := range nr {
				cand[i] = make([]float64, nc)
				for j := range nc {
					x := tab.At(i, j)
					f := math.Floor(x)
					if mask>>(i*nc+j)&1 == 1 {
						if f == x {
							ok = false // a whole number must stay
						}
						f++
					}
					cand[i][j] = f
				}
			}
			if !ok {
				continue
			}
			y := workforce.MustNewTable(labels("r", nr), labels("c", nc), cand)
			for k, v := range y.RowTotals() {
				ok = ok && adjacent(tab.RowTotals()[k], v, 1)
			}
			for k, v := range y.ColTotals() {
				ok = ok && adjacent(tab.ColTotals()[k], v, 1)
			}
			if ok && adjacent(tab.Total(), y.Total(), 1) {
				best = math.Min(best, cost(y))
			}
		}
		if c := cost(got); math.Abs(c-best) > 1e-9 {
			t.Fatalf("trial %d: %v rounded to %v, change %v; brute force finds %v", trial, vals, got.Values(), c, best)
		}
	}
}

// ControlledRound's errors name a bad cell by its labels and its value in
// the table, not by indices and the value divided by base.
func TestControlledRoundErrorNamesCell(t *testing.T) {
	t.Parallel()
	tab := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2"}, [][]float64{{1e300, 1}, {1, 1}})
	_, err := workforce.ControlledRound(tab, 5) // hand: 1e300/5 = 2e299, beyond 2^53
	if !errors.Is(err, workforce.ErrBadValue) {
		t.Fatalf("error = %v, want ErrBadValue", err)
	}
	msg := err.Error()
	for _, want := range []string{`("A", "1")`, "1e+300"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not name %s", msg, want)
		}
	}
	if strings.Contains(msg, "2e+299") || strings.Contains(msg, "(0, 0)") {
		t.Errorf("error %q shows the scaled value or indices", msg)
	}
}

// A rounding whose result overflows is an error, not a table of +Inf.
func TestControlledRoundResultOverflow(t *testing.T) {
	t.Parallel()
	// hand: 1.7e308 / 1e308 = 1.7 rounds to 2, and 2e308 > MaxFloat64 ≈ 1.8e308
	tab := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{1.7e308}})
	if got, err := workforce.ControlledRound(tab, 1e308); !errors.Is(err, workforce.ErrBadValue) {
		t.Errorf("ControlledRound(1.7e308, 1e308) = %v, %v; want ErrBadValue", got, err)
	}
}
