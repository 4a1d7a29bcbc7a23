package workforce_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus/workforce"
)

// Issue 13, "What it must have" 2: hostile values through Apportion,
// ApportionMin, Fit, FitN, NewTable, ReadCSV and ControlledRound. Each call
// must return within a bound, must not panic, and must give either a
// valid result (checked by the call's own invariant and, for tables, by
// String and the CSV and JSON round trips) or an error whose message
// names the bad value.

var (
	hugeLabel = strings.Repeat("x", 1<<20)
	negZero   = math.Copysign(0, -1)
	inf       = math.Inf(1)
	nan       = math.NaN()
)

type hostileCase struct {
	name string
	// names is what an error must mention, one of them if several values
	// are bad ("" if no value is at fault, as for no weights at all).
	names []string
	call  func() (valid error, err error)
}

func TestHostileValues(t *testing.T) {
	t.Parallel()
	var cases []hostileCase
	add := func(name, names string, call func() (error, error)) {
		cases = append(cases, hostileCase{name, strings.Split(names, "|"), call})
	}
	floats := []struct {
		v    float64
		name string // as %v prints it
	}{
		{nan, "NaN"}, {inf, "+Inf"}, {-inf, "-Inf"}, {negZero, "-0"}, {1e308, "1e+308"},
		{5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"}, {-1, "-1"},
	}
	ints := []int64{math.MaxInt64, math.MinInt64, 0, 1, 1 << 53, 1<<53 + 1, -1}

	// Apportion and ApportionMin.
	for _, m := range allMethods {
		for _, total := range ints {
			add(fmt.Sprintf("Apportion(%d, {1,2}, %v)", total, m), fmt.Sprint(total), func() (error, error) {
				a, err := workforce.Apportion(total, []float64{1, 2}, m)
				return checkApportion(total, nil, a), err
			})
			for _, f := range floats {
				for _, w := range [][]float64{{f.v}, {f.v, 1, 2}, {f.v, f.v}, {1e308, f.v, 1e308}} {
					// all weights zero (-0) is an error about them all
					add(fmt.Sprintf("Apportion(%d, %v, %v)", total, w, m), f.name+"|"+fmt.Sprint(total)+"|weights are zero", func() (error, error) {
						a, err := workforce.Apportion(total, w, m)
						return checkApportion(total, nil, a), err
					})
				}
			}
			for _, x := range ints {
				min := []int64{x, 0}
				add(fmt.Sprintf("ApportionMin(%d, {1,1}, %v, %v)", total, min, m), fmt.Sprint(x)+"|"+fmt.Sprint(total), func() (error, error) {
					a, err := workforce.ApportionMin(total, []float64{1, 1}, min, m)
					return checkApportion(total, min, a), err
				})
			}
		}
		add(fmt.Sprintf("Apportion(5, nil, %v)", m), "", func() (error, error) {
			a, err := workforce.Apportion(5, nil, m)
			return checkApportion(5, nil, a), err
		})
	}

	// NewTable: hostile cells, shapes and labels.
	for _, f := range floats {
		add(fmt.Sprintf("NewTable(1×1 %v)", f.name), f.name, func() (error, error) {
			tab, err := workforce.NewTable([]string{"a"}, []string{"x"}, [][]float64{{f.v}})
			return checkTable(tab), err
		})
		add(fmt.Sprintf("NewTable(2×2 %v, 1e308)", f.name), "", func() (error, error) {
			tab, err := workforce.NewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{f.v, 1e308}, {1e308, f.v}})
			return checkTable(tab), err
		})
	}
	for _, l := range []string{hugeLabel, "\xff\xfe", "a\x00", " a", "é"} {
		q := fmt.Sprintf("%q", l)
		q = q[:min(len(q), 12)]
		add(fmt.Sprintf("NewTable(label %s)", q), q, func() (error, error) {
			tab, err := workforce.NewTable([]string{l}, []string{"x"}, [][]float64{{1}})
			return checkTable(tab), err
		})
	}
	add("NewTable(empty)", "", func() (error, error) {
		tab, err := workforce.NewTable(nil, nil, nil)
		return checkTable(tab), err
	})

	// ReadCSV: hostile numbers, labels and shapes.
	for _, cell := range []string{"NaN", "nan", "+Inf", "-Inf", "inf", "-0", "1e308", "1e309", "5e-324", "1e-400", "9223372036854775807", "-1", "0x1p-1080", "1_000", "\xff"} {
		in := "s,x,y\nA," + cell + ",1\n"
		add(fmt.Sprintf("ReadCSV(%q)", in), cell+"|"+strconv.Quote(cell), func() (error, error) {
			tab, err := workforce.ReadCSV(strings.NewReader(in))
			return checkTable(tab), err
		})
	}
	for _, in := range []string{"", "\x00\x00\x00", "s\n", "s,x\n", "s\nA\n", "s,x\nA,1\n", "s,\xff\nA,1\n", "s,x\n" + hugeLabel + ",1\n", "s,x\n\"a\nb\",1\n", strings.Repeat("s,x\n", 1)} {
		add(fmt.Sprintf("ReadCSV(%.20q)", in), "", func() (error, error) {
			tab, err := workforce.ReadCSV(strings.NewReader(in))
			return checkTable(tab), err
		})
	}

	// Fit: hostile targets, seeds and tables.
	for _, f := range floats {
		seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 2}, {3, 4}})
		add(fmt.Sprintf("Fit(row target %v)", f.name), f.name+"|beyond the float64 range", func() (error, error) {
			got, rep, err := workforce.Fit(seed, []float64{f.v, 5}, []float64{5, f.v}, workforce.FitOptions{})
			return checkFit(got, rep, err, []float64{f.v, 5}, []float64{5, f.v}), err
		})
		if !math.IsNaN(f.v) && f.v >= 0 && !math.IsInf(f.v, 0) {
			add(fmt.Sprintf("Fit(1×1 seed %v, targets 1e308)", f.name), "", func() (error, error) {
				s := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{f.v}})
				got, rep, err := workforce.Fit(s, []float64{1e308}, []float64{1e308}, workforce.FitOptions{})
				return checkFit(got, rep, err, []float64{1e308}, []float64{1e308}), err
			})
			if f.v > 1e307 {
				continue // the seed itself would overflow: see NewTable
			}
			add(fmt.Sprintf("Fit(seed {%v, 1e300}, targets {5e-324, 1e300})", f.name), "no non-zero seed cell", func() (error, error) {
				s := workforce.MustNewTable([]string{"a", "b"}, []string{"x"}, [][]float64{{f.v}, {1e300}})
				got, rep, err := workforce.Fit(s, []float64{5e-324, 1e300}, []float64{1e300 + 5e-324}, workforce.FitOptions{})
				return checkFit(got, rep, err, []float64{5e-324, 1e300}, []float64{1e300 + 5e-324}), err
			})
		}
		add(fmt.Sprintf("Fit(tolerance %v)", f.name), f.name, func() (error, error) {
			got, rep, err := workforce.Fit(seed, []float64{3, 7}, []float64{4, 6}, workforce.FitOptions{Tolerance: f.v})
			return checkFit(got, rep, err, []float64{3, 7}, []float64{4, 6}), err
		})
	}
	add("Fit(empty table)", "", func() (error, error) {
		got, rep, err := workforce.Fit(&workforce.Table{}, nil, nil, workforce.FitOptions{})
		return checkFit(got, rep, err, nil, nil), err
	})
	add("Fit(MaxIter MaxInt)", "", func() (error, error) {
		seed := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1, 2}, {3, 4}})
		got, rep, err := workforce.Fit(seed, []float64{3, 7}, []float64{4, 6}, workforce.FitOptions{MaxIter: math.MaxInt})
		return checkFit(got, rep, err, []float64{3, 7}, []float64{4, 6}), err
	})
	add("Fit(MaxIter MinInt)", fmt.Sprint(math.MinInt), func() (error, error) {
		seed := workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{1}})
		got, rep, err := workforce.Fit(seed, []float64{3}, []float64{3}, workforce.FitOptions{MaxIter: math.MinInt})
		return checkFit(got, rep, err, []float64{3}, []float64{3}), err
	})

	// FitN: hostile seeds, shapes and margins.
	for _, f := range floats {
		add(fmt.Sprintf("FitN(seed %v)", f.name), f.name+"|no non-zero seed cell", func() (error, error) {
			x, rep, err := workforce.FitN([]float64{f.v, 1}, []int{2}, []workforce.Margin{{Dims: []int{0}, Values: []float64{1, 1}}}, workforce.FitOptions{})
			return checkFitN(x, rep, err, 2), err
		})
		add(fmt.Sprintf("FitN(margin %v)", f.name), f.name+"|beyond the float64 range", func() (error, error) {
			x, rep, err := workforce.FitN([]float64{1, 1, 1, 1}, []int{2, 2}, []workforce.Margin{{Dims: []int{0}, Values: []float64{f.v, 1}}, {Dims: []int{1}, Values: []float64{1, f.v}}}, workforce.FitOptions{})
			return checkFitN(x, rep, err, 4), err
		})
		if !math.IsNaN(f.v) && f.v >= 0 && !math.IsInf(f.v, 0) {
			add(fmt.Sprintf("FitN(3-D seed %v, margins 1e308)", f.name), "", func() (error, error) {
				x, rep, err := workforce.FitN([]float64{f.v, 1, 1, 1, 1, 1, 1, 1}, []int{2, 2, 2}, []workforce.Margin{{Dims: []int{0}, Values: []float64{1e308, 1e307}}, {Dims: []int{1, 2}, Values: []float64{1e307, 1e307, 1e307, 1e308 - 1e307}}}, workforce.FitOptions{})
				return checkFitN(x, rep, err, 8), err
			})
		}
	}
	for _, shape := range [][]int{nil, {0}, {-1}, {math.MaxInt}, {math.MaxInt32, math.MaxInt32}, {1 << 16, 1 << 16}} {
		add(fmt.Sprintf("FitN(shape %v)", shape), "", func() (error, error) {
			x, rep, err := workforce.FitN([]float64{1}, shape, []workforce.Margin{{Dims: []int{0}, Values: []float64{1}}}, workforce.FitOptions{})
			return checkFitN(x, rep, err, 1), err
		})
	}
	for _, dims := range [][]int{nil, {0, 0}, {1, 0}, {-1}, {math.MaxInt}, {math.MinInt}} {
		add(fmt.Sprintf("FitN(dims %v)", dims), "", func() (error, error) {
			x, rep, err := workforce.FitN([]float64{1, 1, 1, 1}, []int{2, 2}, []workforce.Margin{{Dims: dims, Values: []float64{4}}}, workforce.FitOptions{})
			return checkFitN(x, rep, err, 4), err
		})
	}

	// ControlledRound: hostile bases and cells.
	for _, f := range floats {
		add(fmt.Sprintf("ControlledRound(base %v)", f.name), f.name, func() (error, error) {
			tab := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{1.5, 2.5}, {3.25, 0}})
			got, err := workforce.ControlledRound(tab, f.v)
			return checkRounded(got, f.v), err
		})
		if !math.IsNaN(f.v) && f.v >= 0 && !math.IsInf(f.v, 0) {
			add(fmt.Sprintf("ControlledRound(1×1 %v)", f.name), f.name, func() (error, error) {
				got, err := workforce.ControlledRound(workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{f.v}}), 1)
				return checkRounded(got, 1), err
			})
		}
	}
	add("ControlledRound(empty)", "", func() (error, error) {
		got, err := workforce.ControlledRound(&workforce.Table{}, 1)
		return checkRounded(got, 1), err
	})
	add("ControlledRound(missing)", `"a", "x"`, func() (error, error) {
		got, err := workforce.ControlledRound(workforce.MustNewTable([]string{"a"}, []string{"x"}, [][]float64{{nan}}), 1)
		return checkRounded(got, 1), err
	})

	for _, c := range cases {
		b := runBounded(c.call, 10*time.Second)
		valid, err, panicked, done := b.valid, b.err, b.panicked, b.done
		switch {
		case !done:
			t.Errorf("%s: did not return within 10 s", c.name)
		case panicked != nil:
			t.Errorf("%s: panicked: %v", c.name, panicked)
		case err != nil:
			if !slices.ContainsFunc(c.names, func(n string) bool { return strings.Contains(err.Error(), n) }) {
				t.Errorf("%s: error %.200q does not name %q", c.name, err, c.names)
			}
		case valid != nil:
			t.Errorf("%s: no error but an invalid result: %v", c.name, valid)
		}
	}
	t.Logf("%d hostile calls", len(cases))
}

// A bounded is what runBounded saw of a call.
type bounded struct {
	valid, err error
	panicked   any
	done       bool
}

// runBounded runs call in a goroutine, recovering a panic, and waits at
// most d.
func runBounded(call func() (error, error), d time.Duration) bounded {
	ch := make(chan bounded, 1)
	go func() {
		var r bounded
		defer func() {
			r.panicked, r.done = recover(), true
			ch <- r
		}()
		r.valid, r.err = call()
	}()
	select {
	case r := <-ch:
		return r
	case <-time.After(d):
		return bounded{}
	}
}

func checkApportion(total int64, min, a []int64) error {
	if a == nil {
		return fmt.Errorf("nil result")
	}
	var sum int64
	for i, x := range a {
		if x < 0 || (min != nil && x < min[i]) {
			return fmt.Errorf("count %d = %d", i, x)
		}
		sum += x
	}
	if sum != total {
		return fmt.Errorf("%v sums to %d, not %d", a, sum, total)
	}
	return nil
}

// checkTable checks a table through its own methods: cells finite or
// missing and non-negative, String, and the CSV and JSON round trips.
func checkTable(tab *workforce.Table) error {
	if tab == nil {
		return fmt.Errorf("nil table")
	}
	r, c := tab.Dims()
	for i := range r {
		for j := range c {
			if x := tab.At(i, j); !math.IsNaN(x) && !(x >= 0 && x <= math.MaxFloat64) {
				return fmt.Errorf("cell (%d, %d) = %v", i, j, x)
			}
		}
	}
	_ = tab.String()
	var b bytes.Buffer
	if err := tab.WriteCSV(&b, "s"); err == nil {
		back, err := workforce.ReadCSV(&b)
		if err != nil || !back.Equal(tab) {
			return fmt.Errorf("CSV round trip: %v", err)
		}
	} else if r > 0 {
		return fmt.Errorf("WriteCSV: %v", err)
	}
	data, err := json.Marshal(tab)
	if err != nil {
		return fmt.Errorf("MarshalJSON: %v", err)
	}
	var back workforce.Table
	if err := json.Unmarshal(data, &back); err != nil || !back.Equal(tab) {
		return fmt.Errorf("JSON round trip: %v", err)
	}
	return nil
}

func checkFit(got *workforce.Table, rep workforce.FitReport, err error, rows, cols []float64) error {
	if got == nil {
		return fmt.Errorf("nil table")
	}
	if err := checkTable(got); err != nil {
		return err
	}
	if !rep.Converged || math.IsNaN(rep.MaxError) {
		return fmt.Errorf("no error but report %+v", rep)
	}
	total := 0.0
	for _, x := range rows {
		total += x
	}
	for i, x := range got.RowTotals() {
		if math.Abs(x-rows[i]) > 1e-9*total {
			return fmt.Errorf("row %d sums to %v, target %v", i, x, rows[i])
		}
	}
	for j, x := range got.ColTotals() {
		if math.Abs(x-cols[j]) > 1e-9*total {
			return fmt.Errorf("column %d sums to %v, target %v", j, x, cols[j])
		}
	}
	return nil
}

func checkFitN(x []float64, rep workforce.FitReport, err error, n int) error {
	if len(x) != n {
		return fmt.Errorf("%d cells, want %d", len(x), n)
	}
	for k, v := range x {
		if !(v >= 0 && v <= math.MaxFloat64) {
			return fmt.Errorf("cell %d = %v", k, v)
		}
	}
	if !rep.Converged {
		return fmt.Errorf("no error but report %+v", rep)
	}
	return nil
}

func checkRounded(got *workforce.Table, base float64) error {
	if err := checkTable(got); err != nil {
		return err
	}
	for _, row := range got.Values() {
		for _, x := range row {
			if q := x / base; q != math.Round(q) {
				return fmt.Errorf("cell %v is not a multiple of %v", x, base)
			}
		}
	}
	return nil
}
