package workforce_test

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

func TestApportionPartyList(t *testing.T) {
	// The party-list example of issue 5: votes 6100/5000/900, 10 seats.
	// Hand: Hare quotas 5.083, 4.167, 0.750 → floors 5, 4, 0, the last seat
	// to the largest remainder (0.750) → 5/4/1.
	// Sainte-Laguë quotients 6100/1, 5000/1, 6100/3 = 2033, 5000/3 = 1667,
	// 900/1, 6100/5 = 1220, 5000/5 = 1000, 6100/7 = 871, 5000/7 = 714, …
	// the 10 largest give 5/4/1.
	// D'Hondt quotients 6100/k and 5000/k: the 10th largest is 6100/6 =
	// 1017 > 900, so the third party gets nothing: 6/4/0.
	votes := []float64{6100, 5000, 900}
	tests := []struct {
		m    workforce.ApportionMethod
		want []int64
	}{
		{workforce.Hamilton, []int64{5, 4, 1}},
		{workforce.SainteLague, []int64{5, 4, 1}},
		{workforce.DHondt, []int64{6, 4, 0}},
		// Huntington–Hill, hand: every party first gets one seat; priorities
		// w/√(n(n+1)) then give 4 more to party 1 and 3 more to party 2, 5/4/1.
		{workforce.HuntingtonHill, []int64{5, 4, 1}},
	}
	for _, tt := range tests {
		got, err := workforce.Apportion(10, votes, tt.m)
		if err != nil {
			t.Fatalf("Apportion(%v): %v", tt.m, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Apportion(10, %v, %v) mismatch (-want +got):\n%s", votes, tt.m, diff)
		}
	}
}

func TestApportionUSHouse1790(t *testing.T) {
	// The first US apportionment (1792 act): 15 states, 105 seats, by
	// Jefferson's method (D'Hondt), on the 1790 census apportionment
	// populations (CT, DE, GA, KY, MD, MA, NH, NJ, NY, NC, PA, RI, SC, VT,
	// VA). Source: Balinski and Young, "Fair Representation" (2nd ed.,
	// 2001), appendix tables of the 1790 census and the 1792 apportionment:
	// seats 7, 1, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 19.
	pop := []float64{236841, 55540, 70835, 68705, 278514, 475327, 141822, 179570, 331589, 353523, 432879, 68446, 206236, 85533, 630560}
	want := []int64{7, 1, 2, 2, 8, 14, 4, 5, 10, 10, 13, 2, 6, 2, 19}
	got, err := workforce.Apportion(105, pop, workforce.DHondt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Jefferson 1790 mismatch (-want +got):\n%s", diff)
	}
}

func TestApportionTiesAndZeros(t *testing.T) {
	tests := []struct {
		name  string
		total int64
		w     []float64
		min   []int64
		m     workforce.ApportionMethod
		want  []int64
	}{
		// Documented tie-break: equal claims go to the larger weight, then the earlier category.
		{"hamilton tie to earlier", 1, []float64{1, 1}, nil, workforce.Hamilton, []int64{1, 0}},
		{"dhondt tie to earlier", 3, []float64{1, 1}, nil, workforce.DHondt, []int64{2, 1}},
		{"webster tie to earlier", 1, []float64{1, 1, 1}, nil, workforce.SainteLague, []int64{1, 0, 0}},
		// Hand: HH gives each positive weight a seat first; with 2 seats for 3, the smallest loses.
		{"hh fewer seats than categories", 2, []float64{1, 3, 2}, nil, workforce.HuntingtonHill, []int64{0, 1, 1}},
		{"zero weight gets nothing", 5, []float64{0, 1}, nil, workforce.HuntingtonHill, []int64{0, 5}},
		{"zero total", 0, []float64{2, 1}, nil, workforce.SainteLague, []int64{0, 0}},
		// Hand: quotas 9.9/0.1 → 10/0, but the minimum of 2 takes 2 first; 8 left for the first.
		{"hamilton minimum", 10, []float64{99, 1}, []int64{0, 2}, workforce.Hamilton, []int64{8, 2}},
		{"dhondt minimum", 10, []float64{99, 1}, []int64{0, 2}, workforce.DHondt, []int64{8, 2}},
		{"minimum for a zero weight", 4, []float64{1, 0}, []int64{0, 1}, workforce.Hamilton, []int64{3, 1}},
		// US House style: 1 seat minimum; total equal to the minimums.
		{"minimums use everything", 3, []float64{100, 1, 1}, []int64{1, 1, 1}, workforce.SainteLague, []int64{1, 1, 1}},
	}
	for _, tt := range tests {
		got, err := workforce.ApportionMin(tt.total, tt.w, tt.min, tt.m)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestApportionErrors(t *testing.T) {
	tests := []struct {
		name  string
		total int64
		w     []float64
		min   []int64
		m     workforce.ApportionMethod
		err   error
	}{
		{"no weights", 1, nil, nil, workforce.Hamilton, workforce.ErrShape},
		{"negative", 1, []float64{1, -1}, nil, workforce.Hamilton, workforce.ErrBadValue},
		{"NaN", 1, []float64{math.NaN()}, nil, workforce.DHondt, workforce.ErrBadValue},
		{"Inf", 1, []float64{math.Inf(1)}, nil, workforce.DHondt, workforce.ErrBadValue},
		{"all zero", 1, []float64{0, 0}, nil, workforce.Hamilton, workforce.ErrBadValue},
		{"negative total", -1, []float64{1}, nil, workforce.Hamilton, workforce.ErrBadValue},
		{"huge total", 1 << 60, []float64{1}, nil, workforce.Hamilton, workforce.ErrBadValue},
		{"bad method", 1, []float64{1}, nil, workforce.ApportionMethod(9), workforce.ErrShape},
		{"zero method", 1, []float64{1}, nil, 0, workforce.ErrShape}, // enums start at 1: the zero value names no method
		{"minimums too big", 2, []float64{1, 1}, []int64{2, 1}, workforce.Hamilton, workforce.ErrBadValue},
		{"negative minimum", 2, []float64{1, 1}, []int64{-1, 1}, workforce.Hamilton, workforce.ErrBadValue},
		{"minimums length", 2, []float64{1, 1}, []int64{1}, workforce.Hamilton, workforce.ErrShape},
	}
	for _, tt := range tests {
		if _, err := workforce.ApportionMin(tt.total, tt.w, tt.min, tt.m); !errors.Is(err, tt.err) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.err)
		}
	}
}

// Property: for random weights, every method sums to the total, respects
// minimums, and (divisor methods) satisfies its defining min-max inequality.
func TestApportionProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		n := 1 + r.IntN(30)
		w := make([]float64, n)
		for i := range w {
			if r.IntN(5) > 0 {
				w[i] = r.ExpFloat64() * math.Pow(10, float64(r.IntN(6)))
			}
		}
		w[r.IntN(n)] += 1
		total := int64(r.IntN(1000))
		var min []int64
		if r.IntN(2) == 0 {
			min = make([]int64, n)
			left := total
			for i := range min {
				if left > 0 && r.IntN(3) == 0 {
					min[i] = r.Int64N(left/int64(n) + 1)
					left -= min[i]
				}
			}
		}
		for _, m := range []workforce.ApportionMethod{workforce.Hamilton, workforce.DHondt, workforce.SainteLague, workforce.HuntingtonHill} {
			got, err := workforce.ApportionMin(total, w, min, m)
			if err != nil {
				t.Fatalf("%v %v %v: %v", total, w, m, err)
			}
			var sum int64
			for i, a := range got {
				sum += a
				if a < 0 || (min != nil && a < min[i]) {
					t.Fatalf("%v: category %d got %d (min %v)", m, i, a, min)
				}
			}
			if sum != total {
				t.Fatalf("%v: sum %d, want %d (w %v)", m, sum, total, w)
			}
			if m != workforce.Hamilton && min == nil && total > 0 {
				checkDivisor(t, m, w, got)
			}
		}
	}
}

// checkDivisor checks that no seat could move to improve the divisor
// criterion: max over i of w_i/d(a_i) ≤ min over j of w_j/d(a_j−1).
func checkDivisor(t *testing.T, m workforce.ApportionMethod, w []float64, a []int64) {
	t.Helper()
	d := func(n int64) float64 {
		switch m {
		case workforce.DHondt:
			return float64(n) + 1
		case workforce.SainteLague:
			return float64(n) + 0.5
		}
		return math.Sqrt(float64(n) * float64(n+1))
	}
	maxNext, minLast := 0.0, math.Inf(1)
	for i := range w {
		if w[i] == 0 {
			continue
		}
		maxNext = math.Max(maxNext, w[i]/d(a[i]))
		if a[i] > 0 {
			minLast = math.Min(minLast, w[i]/d(a[i]-1))
		}
	}
	if maxNext > minLast*(1+1e-12) {
		t.Fatalf("%v: allocation %v of %v is not a divisor allocation (%v > %v)", m, a, w, maxNext, minLast)
	}
}

// Hamilton on integer weights agrees with an independent exact
// implementation in rational arithmetic (math/big): quotas total·w/W, their
// floors, then one more seat each for the largest remainders, ties to the
// larger weight and then the earlier category (the documented rule).
func TestApportionHamiltonExact(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for range 300 {
		n := 1 + r.IntN(40)
		w := make([]float64, n)
		W := new(big.Int)
		for i := range w {
			w[i] = float64(r.IntN(4) * r.IntN(1_000_000))
			if n%2 == 0 { // small weights: many exact ties
				w[i] = float64(r.IntN(4))
			}
			W.Add(W, big.NewInt(int64(w[i])))
		}
		if W.Sign() == 0 {
			w[0], W = 1, big.NewInt(1)
		}
		total := r.Int64N(5_000_000)
		if n%2 == 0 {
			total = r.Int64N(50)
		}
		want := make([]int64, n)
		rems := make([]*big.Rat, n)
		given := int64(0)
		for i := range w {
			q := new(big.Int).Mul(big.NewInt(total), big.NewInt(int64(w[i])))
			fl, rem := new(big.Int).QuoRem(q, W, new(big.Int))
			want[i] = fl.Int64()
			given += want[i]
			rems[i] = new(big.Rat).SetFrac(rem, W)
		}
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := rems[b].Cmp(rems[a]); c != 0 {
				return c
			}
			switch {
			case w[a] > w[b]:
				return -1
			case w[a] < w[b]:
				return 1
			}
			return 0 // stable: the earlier category first
		})
		for _, i := range order[:total-given] {
			want[i]++
		}
		got, err := workforce.Apportion(total, w, workforce.Hamilton)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("Apportion(%d, %v) mismatch (-want +got):\n%s", total, w, diff)
		}
	}
}

func FuzzApportion(f *testing.F) {
	f.Add(int64(10), 6100.0, 5000.0, 900.0, uint8(0), int64(0))
	f.Add(int64(0), 0.0, 1.0, 0.0, uint8(3), int64(0))
	f.Add(int64(1<<40), 1e-300, 1e300, 5.0, uint8(1), int64(7))
	f.Fuzz(func(t *testing.T, total int64, a, b, c float64, method uint8, minimum int64) {
		w := []float64{a, b, c, a + b, c * 2}
		m := workforce.ApportionMethod(method%4 + 1)
		var min []int64
		if minimum > 0 && minimum < 1<<40 {
			min = []int64{minimum, 0, 0, 0, 0}
		}
		got, err := workforce.ApportionMin(total, w, min, m)
		if err != nil {
			return
		}
		var sum int64
		for i, x := range got {
			if x < 0 {
				t.Fatalf("negative share %d at %d", x, i)
			}
			sum += x
		}
		if sum != total {
			t.Fatalf("ApportionMin(%d, %v, %v, %v) sums to %d", total, w, min, m, sum)
		}
	})
}

func BenchmarkApportion(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1_000, 10_000, 100_000} {
		w := make([]float64, n)
		for i := range w {
			w[i] = r.ExpFloat64()
		}
		// The same weights made subnormal (×2^-1070), which hung the
		// divisor methods before issue 13 (row 1).
		tiny := make([]float64, n)
		for i, x := range w {
			tiny[i] = math.Ldexp(x, -1070)
		}
		for _, m := range []workforce.ApportionMethod{workforce.Hamilton, workforce.DHondt, workforce.SainteLague, workforce.HuntingtonHill} {
			for name, w := range map[string][]float64{"normal": w, "subnormal": tiny} {
				b.Run(fmt.Sprintf("weights=%d/%s/%v", n, name, m), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if _, err := workforce.Apportion(1_126_500, w, m); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}

// Finite weights whose sum overflows float64 apportion like the same
// weights scaled down: only their ratios matter.
func TestApportionHugeWeights(t *testing.T) {
	t.Parallel()
	methods := []workforce.ApportionMethod{workforce.Hamilton, workforce.DHondt, workforce.SainteLague, workforce.HuntingtonHill}
	for _, m := range methods {
		for _, tt := range []struct {
			total       int64
			huge, small []float64
			want        []int64
		}{
			// hand: equal weights share 2 as 1 and 1 under every method
			{2, []float64{math.MaxFloat64, math.MaxFloat64}, []float64{1, 1}, []int64{1, 1}},
			// hand: 10 × (1.5, 0.5, 1)/3 = 5, 1.67, 3.33; the want is
			// checked against the small weights below for each method
			{10, []float64{1.5e308, 0.5e308, 1e308}, []float64{1.5, 0.5, 1}, nil},
			// hand: Huntington–Hill gives the small third category a seat
			{3, []float64{1e308, 1e308, 1e306}, []float64{100, 100, 1}, nil},
		} {
			got, err := workforce.Apportion(tt.total, tt.huge, m)
			if err != nil {
				t.Errorf("%v: Apportion(%d, %v): %v", m, tt.total, tt.huge, err)
				continue
			}
			want := tt.want
			if want == nil { // independent: the same ratios written small
				want = must(workforce.Apportion(tt.total, tt.small, m))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%v: Apportion(%d, %v) mismatch (-want +got):\n%s", m, tt.total, tt.huge, diff)
			}
		}
	}
}

// TestHuntingtonHillFirstSeat: under Huntington–Hill the first seat's
// divisor is √(0·1) = 0, so every positive weight gets a seat before any
// weight gets its second, however small it is (hand: 3 seats, 3 positive
// weights → one each). A weight of 5e-324 made w/D underflow to 0.
func TestHuntingtonHillFirstSeat(t *testing.T) {
	for _, w := range [][]float64{
		{1e307, 1e307, 5e-324},
		{1, 1, 1e-300},
		{1e300, 1e-300, 1e-300},
	} {
		got, err := workforce.Apportion(3, w, workforce.HuntingtonHill)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]int64{1, 1, 1}, got); diff != "" {
			t.Errorf("Apportion(3, %v, HuntingtonHill) mismatch (-want +got):\n%s", w, diff)
		}
	}
}
