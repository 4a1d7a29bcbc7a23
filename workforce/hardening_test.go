package workforce_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
	"github.com/google/go-cmp/cmp"
)

var allMethods = []workforce.ApportionMethod{workforce.Hamilton, workforce.DHondt, workforce.SainteLague, workforce.HuntingtonHill}

// Issue 13, row 1: with subnormal weights the divisor D = sum/total
// underflowed to 0 and D'Hondt, Sainte-Laguë and Huntington–Hill stepped
// about 2⁵⁴ times. Only the ratios matter, so two equal weights share 7 as
// any two equal weights do.
func TestApportionSubnormalNoHang(t *testing.T) {
	t.Parallel()
	for _, m := range allMethods {
		got, err := workforce.Apportion(7, []float64{5e-324, 5e-324}, m)
		if err != nil {
			t.Fatalf("%v: %v", m, err)
		}
		// hand: 7 between two equal weights is 4 and 3 under every method
		// (the tie goes to the earlier category)
		if diff := cmp.Diff([]int64{4, 3}, got); diff != "" {
			t.Errorf("Apportion(7, {5e-324, 5e-324}, %v) mismatch (-want +got):\n%s", m, diff)
		}
	}
}

// Issue 13, row 2: subnormal weights gave a wrong result with no error
// ([134934 269870 595196] for 1e6 under D'Hondt). The same weights
// multiplied by 2¹⁰⁷⁴, exactly (a subnormal times a power of two that
// makes it normal is exact), must give the same result, as must the
// integers 1, 2, 3 where the subnormals' ratios are 1:2:3 to within 1e-6.
func TestApportionSubnormalRatios(t *testing.T) {
	t.Parallel()
	tiny := []float64{1e-318, 2e-318, 3e-318}
	scaled := make([]float64, len(tiny))
	for i, w := range tiny {
		scaled[i] = math.Ldexp(w, 1074) // exact: an integer number of 2^-1074
	}
	for _, m := range allMethods {
		for _, total := range []int64{7, 1000, 1_000_000} {
			got, err := workforce.Apportion(total, tiny, m)
			if err != nil {
				t.Fatalf("%v: %v", m, err)
			}
			want := must(workforce.Apportion(total, scaled, m))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Apportion(%d, %v, %v) mismatch with the weights ×2^1074 (-want +got):\n%s", total, tiny, m, diff)
			}
		}
	}
	// hand: the subnormals are whole multiples of 2^-1074 (4.9406564584e-324):
	// 1e-318, 2e-318 and 3e-318 round to 202402, 404805 and 607207 of them
	// (sum 1214414), so 1e6 has Hamilton quotas 166666.39, 333333.61 and
	// 499999.99: floors 166666, 333333, 499999 and the 2 seats left to the
	// remainders .99 and .61.
	got := must(workforce.Apportion(1_000_000, tiny, workforce.Hamilton))
	if diff := cmp.Diff([]int64{166666, 333334, 500000}, got); diff != "" {
		t.Errorf("Apportion(1e6, %v, Hamilton) mismatch (-want +got):\n%s", tiny, diff)
	}
}

// Issue 13, row 3: minimums whose sum overflows int64 gave Hamilton a
// negative count with a nil error, and made the divisor methods hang. The
// minimums 5 and MaxInt64 sum to more than the total 10: an error.
func TestApportionMinOverflow(t *testing.T) {
	t.Parallel()
	for _, m := range allMethods {
		for _, atLeast := range [][]int64{
			{5, math.MaxInt64},
			{math.MaxInt64, math.MaxInt64},
			{math.MaxInt64, 1},
			{3, 3, math.MaxInt64 - 2}, // wraps to exactly 4 ≤ 10 without detection
		} {
			w := make([]float64, len(atLeast))
			for i := range w {
				w[i] = 1
			}
			got, err := workforce.ApportionMin(10, w, atLeast, m)
			if !errors.Is(err, workforce.ErrBadValue) || got != nil {
				t.Errorf("ApportionMin(10, %v, %v, %v) = %v, %v; want ErrBadValue", w, atLeast, m, got, err)
			}
		}
	}
}

// Issue 13, row 18: ReadCSV read a file of three NUL bytes as a 0×0 table,
// a header-only file as 0×2 and a one-column file as 2×0, with no error. A
// table is either the empty table (no labels at all, the zero Table) or has
// at least one row and one column; a file with no rows or no columns holds
// no table and is an error.
func TestReadCSVNoCells(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"\x00\x00\x00",
		"sector,1,2\n",
		"sector\nA\nB\n",
		"sector\n",
		"",
		"# only a comment\n",
	} {
		got, err := workforce.ReadCSV(strings.NewReader(in))
		if !errors.Is(err, workforce.ErrSyntax) || got != nil {
			t.Errorf("ReadCSV(%q) = %v, %v; want ErrSyntax", in, got, err)
		}
	}
	for _, tt := range []struct {
		rows, cols []string
		values     [][]float64
	}{
		{nil, []string{"1", "2"}, nil},
		{[]string{"A", "B"}, nil, [][]float64{{}, {}}},
	} {
		if got, err := workforce.NewTable(tt.rows, tt.cols, tt.values); !errors.Is(err, workforce.ErrShape) {
			t.Errorf("NewTable(%q, %q) = %v, %v; want ErrShape", tt.rows, tt.cols, got, err)
		}
	}
	// The empty table is valid but has no CSV form.
	if tab, err := workforce.NewTable(nil, nil, nil); err != nil || !tab.Equal(nil) {
		t.Errorf("NewTable(nil, nil, nil) = %v, %v; want the empty table", tab, err)
	}
	var b bytes.Buffer
	if err := (&workforce.Table{}).WriteCSV(&b, "sector"); !errors.Is(err, workforce.ErrShape) || b.Len() != 0 {
		t.Errorf("empty WriteCSV = %q, %v; want nothing and ErrShape", b.String(), err)
	}
}

// Issue 13, row 18: labels "a" and "a " made a table whose CSV ReadCSV
// rejected as a duplicate (it trims labels). NewTable refuses labels that
// CSV or JSON cannot carry back: surrounding white space, control
// characters, invalid UTF-8.
func TestNewTableLabelsRoundTrip(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"a ", " a", "a\n", "a\rb", "\x00", "a\tb", "\xff"} {
		for _, tt := range []struct {
			rows, cols []string
		}{
			{[]string{"a", bad}, []string{"x"}},
			{[]string{"r"}, []string{bad}},
		} {
			values := make([][]float64, len(tt.rows))
			for i := range values {
				values[i] = make([]float64, len(tt.cols))
			}
			_, err := workforce.NewTable(tt.rows, tt.cols, values)
			if !errors.Is(err, workforce.ErrUnknownCode) || !strings.Contains(err.Error(), strconv.Quote(bad)) {
				t.Errorf("NewTable(%q, %q) error = %v; want ErrUnknownCode naming the label", tt.rows, tt.cols, err)
			}
		}
	}
	// Inner spaces and non-ASCII letters are fine and survive CSV.
	tab := workforce.MustNewTable([]string{"Москва и область", "a b"}, []string{"x"}, [][]float64{{1}, {2}})
	var b bytes.Buffer
	if err := tab.WriteCSV(&b, "region"); err != nil {
		t.Fatal(err)
	}
	back, err := workforce.ReadCSV(&b)
	if err != nil || !back.Equal(tab) {
		t.Errorf("round trip = %v, %v", back, err)
	}
	// ReadCSV applies the same rule to the labels it reads (after trimming).
	if _, err := workforce.ReadCSV(strings.NewReader("s,x\n\"a\x01\",1\n")); !errors.Is(err, workforce.ErrSyntax) {
		t.Errorf("control character in a CSV label: error %v, want ErrSyntax", err)
	}
}

// Issue 13, row 18: a cell of 1e-400 underflowed silently to 0. A number
// whose digits are not all zero but that reads as 0 is an error naming it;
// a subnormal that float64 can hold is kept.
func TestReadCSVUnderflow(t *testing.T) {
	t.Parallel()
	for _, cell := range []string{"1e-400", "0.0000001e-330", "0x1p-1100", "-1e-400"} {
		_, err := workforce.ReadCSV(strings.NewReader("s,x\nA," + cell + "\n"))
		if !errors.Is(err, workforce.ErrBadValue) || !strings.Contains(err.Error(), cell) {
			t.Errorf("ReadCSV cell %q: error %v, want ErrBadValue naming it", cell, err)
		}
	}
	// hand: these are zero, or representable (5e-324 is the smallest subnormal)
	for cell, want := range map[string]float64{"0": 0, "0e-400": 0, "0.000": 0, "-0": 0, "0x0p-2000": 0, "5e-324": 5e-324, "1e-320": 1e-320} {
		tab, err := workforce.ReadCSV(strings.NewReader("s,x\nA," + cell + "\n"))
		if err != nil || tab.At(0, 0) != want {
			t.Errorf("ReadCSV cell %q = %v, %v; want %v", cell, tab, err, want)
		}
	}
	// A number beyond the float64 range is a bad value too, named.
	if _, err := workforce.ReadCSV(strings.NewReader("s,x\nA,1e400\n")); !errors.Is(err, workforce.ErrBadValue) || !strings.Contains(err.Error(), "1e400") {
		t.Errorf("ReadCSV 1e400: error %v, want ErrBadValue naming it", err)
	}
}

// FuzzApportionMany apportions many weights read from raw bytes (any
// float64 bit pattern: NaN, ±Inf, subnormals, huge values), with or
// without minimums. A valid input gives whole numbers that add up to the
// total and respect the minimums; only ratios matter, so doubling every
// weight (exact when no weight overflows) gives the same result; an
// invalid one an error. Nothing panics or hangs.
func FuzzApportionMany(f *testing.F) {
	enc := func(ws ...float64) []byte {
		var b []byte
		for _, w := range ws {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w))
		}
		return b
	}
	f.Add(enc(6100, 5000, 900), int64(10), uint8(1), false)
	f.Add(enc(5e-324, 5e-324), int64(7), uint8(1), false)
	f.Add(enc(1e-318, 2e-318, 3e-318), int64(1_000_000), uint8(2), true)
	f.Add(enc(1e308, 1e308, 1e-300, 0, 3), int64(1<<53), uint8(3), true)
	f.Add(enc(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17), int64(100), uint8(0), true)
	f.Fuzz(func(t *testing.T, raw []byte, total int64, method uint8, withMin bool) {
		w := make([]float64, len(raw)/8)
		for i := range w {
			w[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
		}
		m := workforce.ApportionMethod(method%4 + 1)
		var min []int64
		if withMin && total > 0 {
			min = make([]int64, len(w))
			for i := range min {
				min[i] = int64(i) % 3 // hand: 0, 1, 2, 0, … small minimums
			}
		}
		got, err := workforce.ApportionMin(total, w, min, m)
		if err != nil {
			if got != nil {
				t.Fatalf("error %v with a result %v", err, got)
			}
			return
		}
		var sum int64
		for i, x := range got {
			if x < 0 || (min != nil && x < min[i]) {
				t.Fatalf("ApportionMin(%d, %v, %v, %v): count %d = %d", total, w, min, m, i, x)
			}
			sum += x
		}
		if sum != total || len(got) != len(w) {
			t.Fatalf("ApportionMin(%d, %v, %v, %v) = %v, sums to %d", total, w, min, m, got, sum)
		}
		double := make([]float64, len(w))
		for i, x := range w {
			double[i] = 2 * x
			if math.IsInf(double[i], 1) || (x > 0 && x < 0x1p-1000) {
				return // not exact, or subnormal after the package's own scaling
			}
		}
		again, err := workforce.ApportionMin(total, double, min, m)
		if err != nil || !slices.Equal(again, got) {
			t.Fatalf("ApportionMin(%d, %v, %v, %v) = %v, doubled weights give %v, %v", total, w, min, m, got, again, err)
		}
	})
}

// Targets are brought near 1 for the fit, but errors name them as given.
func TestFitHugeTargetsNamed(t *testing.T) {
	t.Parallel()
	seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{0, 0}, {1, 1}})
	_, _, err := workforce.Fit(seed, []float64{1e308, 0}, []float64{5e307, 5e307}, workforce.FitOptions{})
	if !errors.Is(err, workforce.ErrInfeasible) || !strings.Contains(err.Error(), "1e+308") {
		t.Errorf("Fit error = %v, want ErrInfeasible naming 1e+308", err)
	}
	_, _, err = workforce.FitN([]float64{0, 0, 1, 1}, []int{2, 2}, []workforce.Margin{{Dims: []int{0}, Values: []float64{1e308, 0}}, {Dims: []int{1}, Values: []float64{5e307, 5e307}}}, workforce.FitOptions{})
	if !errors.Is(err, workforce.ErrInfeasible) || !strings.Contains(err.Error(), "1e+308") {
		t.Errorf("FitN error = %v, want ErrInfeasible naming 1e+308", err)
	}
	// hand: a 1×1 seed fitted to 1e308 is 1e308, computed near 1 and
	// scaled back exactly
	got, _, err := workforce.Fit(workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{5e-324}}), []float64{1e308}, []float64{1e308}, workforce.FitOptions{})
	if err != nil || got.At(0, 0) != 1e308 {
		t.Errorf("Fit(5e-324 → 1e308) = %v, %v; want 1e308", got, err)
	}
}
