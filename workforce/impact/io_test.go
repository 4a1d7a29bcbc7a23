package impact_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/workforce/impact"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Miller and Blair (2009), Input-Output Analysis, 2nd ed., Table 2.3: Z,
// final demand f and output x, as encoded in IndEcol/pymrio
// tests/test_math.py (fixture td_IO_Data_Miller).
var (
	mbZ = [][]float64{{150, 500}, {200, 100}}
	mbF = []float64{350, 1700}
	mbX = []float64{1000, 2000}
)

func approx(tol float64) cmp.Option { return cmpopts.EquateApprox(0, tol) }

func TestMillerBlair(t *testing.T) {
	z := impact.MustNewMatrix(mbZ)
	a, err := impact.Coefficients(z, mbX)
	if err != nil {
		t.Fatal(err)
	}
	// Table 2.4 of the book: A = [[0.15, 0.25], [0.20, 0.05]].
	if diff := cmp.Diff([][]float64{{0.15, 0.25}, {0.20, 0.05}}, a.Rows(), approx(1e-15)); diff != "" {
		t.Errorf("A mismatch (-want +got):\n%s", diff)
	}
	l, err := impact.Leontief(a)
	if err != nil {
		t.Fatal(err)
	}
	// Exactly (1/0.7575)·[[0.95, 0.25], [0.20, 0.85]], det(I − A) = 0.7575
	// (hand: 0.85·0.95 − 0.25·0.20).
	d := 0.7575
	exact := [][]float64{{0.95 / d, 0.25 / d}, {0.20 / d, 0.85 / d}}
	if diff := cmp.Diff(exact, l.Rows(), approx(1e-14)); diff != "" {
		t.Errorf("L mismatch (-want +got):\n%s", diff)
	}
	// The published digits (pymrio: [[1.25412541, 0.330033], [0.2640264,
	// 1.12211221]]), to their precision.
	if diff := cmp.Diff([][]float64{{1.25412541, 0.330033}, {0.2640264, 1.12211221}}, l.Rows(), cmpopts.EquateApprox(1e-6, 0)); diff != "" {
		t.Errorf("L vs pymrio (-want +got):\n%s", diff)
	}
	// L·f = x.
	x, err := l.MulVec(mbF)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(mbX, x, approx(1e-12)); diff != "" {
		t.Errorf("L·f mismatch (-want +got):\n%s", diff)
	}
	// pymrio xnew: L·[600, 1500] = [1247.5248, 1841.5842] (wages-gva-io.md §6.1).
	xn, _ := l.MulVec([]float64{600, 1500})
	if diff := cmp.Diff([]float64{1247.5248, 1841.5842}, xn, approx(1e-4)); diff != "" {
		t.Errorf("x_new mismatch (-want +got):\n%s", diff)
	}
	// Spectral radius of A; hand: eigenvalues 0.1 ± √(0.01 + 0.0425).
	rho, err := impact.SpectralRadius(a)
	if err != nil || math.Abs(rho-(0.1+math.Sqrt(0.0525))) > 1e-14 {
		t.Errorf("spectral radius %v, %v", rho, err)
	}

	// Multipliers with pymrio's labour coefficients [0.3, 0.25] as
	// compensation (300 and 500) and value added = x − column sums of Z
	// (hand: 1000 − 350 = 650, 2000 − 600 = 1400).
	m, err := impact.NewMultipliers(l, mbX, []float64{650, 1400}, []float64{300, 500})
	if err != nil {
		t.Fatal(err)
	}
	want := impact.Multipliers{
		// hand: (0.95 + 0.20)/0.7575, (0.25 + 0.85)/0.7575; wages-gva-io.md
		// gives 1.5181518, 1.4521452.
		Output: []float64{1.15 / d, 1.10 / d},
		// v = [0.65, 0.70]: (0.65·0.95 + 0.70·0.20)/d, (0.65·0.25 + 0.70·0.85)/d.
		ValueAdded: []float64{(0.6175 + 0.14) / d, (0.1625 + 0.595) / d},
		// c = [0.3, 0.25]: (0.285 + 0.05)/d, (0.075 + 0.2125)/d.
		Compensation:      []float64{0.335 / d, 0.2875 / d},
		ValueAddedTypeI:   []float64{(0.6175 + 0.14) / d / 0.65, (0.1625 + 0.595) / d / 0.70},
		CompensationTypeI: []float64{0.335 / d / 0.3, 0.2875 / d / 0.25},
	}
	if diff := cmp.Diff(want, m, approx(1e-14)); diff != "" {
		t.Errorf("multipliers mismatch (-want +got):\n%s", diff)
	}
	// In a closed 2-sector economy with no imports or taxes, value added
	// per unit of final demand is exactly 1.
	if diff := cmp.Diff([]float64{1, 1}, m.ValueAdded, approx(1e-14)); diff != "" {
		t.Errorf("VA per unit of final demand (-want +got):\n%s", diff)
	}
}

// A column sum of A above 1 does not make A unproductive: here column 0
// sums to 1.1 but ρ(A) = 0.9 (triangular: the diagonal). Hand:
// (I − A)⁻¹ of [[0.1, 0], [−0.2, 0.5]] is [[10, 0], [0.2/(0.1·0.5), 2]].
func TestLeontiefColumnSumAboveOne(t *testing.T) {
	a := impact.MustNewMatrix([][]float64{{0.9, 0}, {0.2, 0.5}})
	l, err := impact.Leontief(a)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]float64{{10, 0}, {4, 2}}, l.Rows(), approx(1e-13)); diff != "" {
		t.Errorf("L mismatch (-want +got):\n%s", diff)
	}
}

func TestIOErrors(t *testing.T) {
	sq := impact.MustNewMatrix([][]float64{{0.1, 0.2}, {0.3, 0.4}})
	cases := []struct {
		name    string
		err     error
		want    error
		mention string
	}{
		{"leontief not square", second2(impact.Leontief(impact.MustNewMatrix([][]float64{{0.1, 0.2}}))), impact.ErrShape, "1 × 2"},
		{"leontief empty", second2(impact.Leontief(impact.Matrix{})), impact.ErrShape, "0 × 0"},
		{"leontief negative", second2(impact.Leontief(impact.MustNewMatrix([][]float64{{0.1, -0.2}, {0.3, 0.4}}))), impact.ErrBadValue, "-0.2"},
		// I − A = [[0, 0], [0, 1]]: singular; ρ(A) = 1.
		{"leontief singular", second2(impact.Leontief(impact.MustNewMatrix([][]float64{{1, 0}, {0, 0}}))), impact.ErrSingular, "spectral radius of A 1"},
		// ρ = 0.5 + 0.6 = 1.1 (eigenvalues of [[0.5, 0.6], [0.6, 0.5]]
		// are 0.5 ± 0.6): L = (I − A)⁻¹ has negative elements.
		{"leontief not productive", second2(impact.Leontief(impact.MustNewMatrix([][]float64{{0.5, 0.6}, {0.6, 0.5}}))), impact.ErrNotProductive, "spectral radius 1.1"},
		// Found by FuzzLeontief: ρ ≈ 1.4e14, yet L's negative (0, 0) element,
		// 1/(1 − 1.4e14), is tiny beside its largest; the diagonal of a
		// productive L is at least 1.
		{"leontief huge coefficient", second2(impact.Leontief(impact.MustNewMatrix([][]float64{{1.40737488355328e+14, 1.4e-76}, {1.4e-76, 1.4e-76}}))), impact.ErrNotProductive, "spectral radius 1.40737e+14"},
		{"coefficients shape", second2(impact.Coefficients(sq, []float64{1})), impact.ErrShape, "1 outputs"},
		{"coefficients negative flow", second2(impact.Coefficients(impact.MustNewMatrix([][]float64{{1, -2}, {3, 4}}), []float64{10, 10})), impact.ErrBadValue, "-2"},
		{"coefficients NaN output", second2(impact.Coefficients(sq, []float64{math.NaN(), 1})), impact.ErrBadValue, "NaN"},
		{"coefficients negative output", second2(impact.Coefficients(sq, []float64{1, -1})), impact.ErrBadValue, "-1"},
		{"coefficients Inf output", second2(impact.Coefficients(sq, []float64{math.Inf(1), 1})), impact.ErrBadValue, "+Inf"},
		{"coefficients zero output", second2(impact.Coefficients(sq, []float64{0, 1})), impact.ErrBadValue, "zero output but an input of 0.1"},
		{"matrix ragged", second2(impact.NewMatrix([][]float64{{1, 2}, {3}})), impact.ErrShape, "row 1"},
		{"matrix ragged empty", second2(impact.NewMatrix([][]float64{{}, {3}})), impact.ErrShape, "row 1"},
		{"matrix NaN", second2(impact.NewMatrix([][]float64{{1, math.NaN()}})), impact.ErrBadValue, "(0, 1)"},
		{"matrix Inf", second2(impact.NewMatrix([][]float64{{math.Inf(-1)}})), impact.ErrBadValue, "-Inf"},
		{"mulvec", second3(sq.MulVec([]float64{1})), impact.ErrShape, "length 1"},
		{"radius not square", second4(impact.SpectralRadius(impact.MustNewMatrix([][]float64{{1, 2}}))), impact.ErrShape, "1 × 2"},
		{"multipliers not square", second5(impact.NewMultipliers(impact.MustNewMatrix([][]float64{{1, 2}}), nil, nil, nil)), impact.ErrShape, "1 × 2"},
		{"multipliers lengths", second5(impact.NewMultipliers(sq, []float64{1}, []float64{1, 1}, []float64{1, 1})), impact.ErrShape, "1 outputs"},
		{"multipliers negative L", second5(impact.NewMultipliers(impact.MustNewMatrix([][]float64{{1, -1}, {0, 1}}), []float64{1, 1}, []float64{1, 1}, []float64{1, 1})), impact.ErrBadValue, "-1"},
		{"multipliers NaN VA", second5(impact.NewMultipliers(sq, []float64{1, 1}, []float64{math.NaN(), 1}, []float64{1, 1})), impact.ErrBadValue, "value added[0]"},
		{"multipliers VA without output", second5(impact.NewMultipliers(sq, []float64{0, 1}, []float64{2, 1}, []float64{0, 1})), impact.ErrBadValue, "value added 2"},
		{"multipliers negative compensation", second5(impact.NewMultipliers(sq, []float64{1, 1}, []float64{1, 1}, []float64{1, -3})), impact.ErrBadValue, "compensation[1]"},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
			continue
		}
		if !strings.Contains(c.err.Error(), c.mention) {
			t.Errorf("%s: error %q does not mention %q", c.name, c.err, c.mention)
		}
	}
}

func second2(_ impact.Matrix, err error) error      { return err }
func second3(_ []float64, err error) error          { return err }
func second4(_ float64, err error) error            { return err }
func second5(_ impact.Multipliers, err error) error { return err }
func secondSUT(_ impact.SUT, err error) error       { return err }

func TestMatrix(t *testing.T) {
	m := impact.MustNewMatrix([][]float64{{1, 2, 3}, {4, 5, 6}})
	if r, c := m.Dims(); r != 2 || c != 3 {
		t.Fatalf("Dims %d×%d", r, c)
	}
	// hand: row sums 6, 15; column sums 5, 7, 9; m·[1,1,1] = [6, 15].
	if diff := cmp.Diff([]float64{6, 15}, m.RowSums()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]float64{5, 7, 9}, m.ColSums()); diff != "" {
		t.Error(diff)
	}
	if m.At(1, 2) != 6 {
		t.Errorf("At(1, 2) = %v", m.At(1, 2))
	}
	// Rows is a copy: changing it leaves m alone, and so does changing
	// the input of NewMatrix.
	in := [][]float64{{1, 2}}
	k := impact.MustNewMatrix(in)
	in[0][0] = 99
	k.Rows()[0][1] = 99
	if k.At(0, 0) != 1 || k.At(0, 1) != 2 {
		t.Errorf("matrix changed: %v", k)
	}
	if got := m.String(); got != "[1 2 3]\n[4 5 6]\n" {
		t.Errorf("String = %q", got)
	}
	if e, err := impact.NewMatrix(nil); err != nil || e.String() != "" {
		t.Errorf("empty: %v, %v", e, err)
	}
	for _, f := range []func(){func() { m.At(2, 0) }, func() { m.At(0, -1) }, func() { impact.MustNewMatrix([][]float64{{1}, {}}) }} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		}()
	}
}

func TestSUTErrors(t *testing.T) {
	two := []string{"A", "B"}
	u := impact.MustNewMatrix([][]float64{{1, 2}, {3, 4}})
	v := impact.MustNewMatrix([][]float64{{10, 0}, {0, 10}})
	ok := []float64{1, 1}
	cases := []struct {
		name string
		err  error
		want error
	}{
		{"labels", secondSUT(impact.NewSUT([]string{"A"}, u, v, ok, ok)), impact.ErrShape},
		{"vectors", secondSUT(impact.NewSUT(two, u, v, []float64{1}, ok)), impact.ErrShape},
		{"negative use", secondSUT(impact.NewSUT(two, impact.MustNewMatrix([][]float64{{1, -2}, {3, 4}}), v, ok, ok)), impact.ErrBadValue},
		{"negative supply", secondSUT(impact.NewSUT(two, u, impact.MustNewMatrix([][]float64{{10, -1}, {0, 10}}), ok, ok)), impact.ErrBadValue},
		{"negative value added", secondSUT(impact.NewSUT(two, u, v, []float64{-1, 1}, ok)), impact.ErrBadValue},
		{"NaN compensation", secondSUT(impact.NewSUT(two, u, v, ok, []float64{math.NaN(), 1})), impact.ErrBadValue},
		// Product B is used 3 + 4 = 7 but only 5 is supplied.
		{"overused", secondSUT(impact.NewSUT(two, u, impact.MustNewMatrix([][]float64{{10, 0}, {0, 5}}), ok, ok)), impact.ErrBadValue},
		// Industry B makes nothing but uses inputs.
		{"zero output with inputs", secondSUT(impact.NewSUT(two, u, impact.MustNewMatrix([][]float64{{10, 0}, {10, 0}}), ok, ok)), impact.ErrBadValue},
		{"zero output with value added", secondSUT(impact.NewSUT(two, impact.MustNewMatrix([][]float64{{1, 0}, {3, 0}}), impact.MustNewMatrix([][]float64{{10, 0}, {10, 0}}), ok, ok)), impact.ErrBadValue},
	}
	for _, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, c.err, c.want)
		}
	}
	s, err := impact.NewSUT(two, u, v, ok, ok)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Coefficients(0); !errors.Is(err, impact.ErrBadValue) {
		t.Errorf("technology 0: %v", err)
	}
	if _, err := s.Multipliers(impact.Technology(9)); !errors.Is(err, impact.ErrBadValue) {
		t.Errorf("technology 9: %v", err)
	}
	// A table with no final demand: everything made is used up. As
	// A·g = D·U_d·1 ≤ D·q = g, a SUT with f_d ≥ 0 has ρ(A) ≤ 1; here
	// ρ(A) = 1 (hand: A = [[0.5, 0.5], [0.5, 0.5]]), so I − A is singular.
	bad, err := impact.NewSUT(two, impact.MustNewMatrix([][]float64{{6, 6}, {6, 6}}), impact.MustNewMatrix([][]float64{{10, 2}, {2, 10}}), ok, ok)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bad.Multipliers(impact.FixedProductSales); !errors.Is(err, impact.ErrSingular) {
		t.Errorf("SUT without final demand: %v", err)
	}
}

// A supply table with secondary production, by hand. Products × industries:
//
//	V = [[8, 2], [0, 10]]   q = [10, 10], g = [8, 12]
//	U = [[2, 3], [1, 3]]
//
// Model D: D = V′q̂⁻¹ = [[0.8, 0], [0.2, 1]], B = Uĝ⁻¹ = [[0.25, 0.25],
// [0.125, 0.25]], A = D·B = [[0.2, 0.2], [0.175, 0.3]].
// Model B: A = B·D = [[0.25, 0.25], [0.15, 0.25]].
// f_d = q − U·1 = [5, 6]; D·f = [4, 7]; and L·D·f = g = [8, 12].
func TestSUTByHand(t *testing.T) {
	s, err := impact.NewSUT([]string{"X", "Y"},
		impact.MustNewMatrix([][]float64{{2, 3}, {1, 3}}),
		impact.MustNewMatrix([][]float64{{8, 2}, {0, 10}}),
		[]float64{5, 6}, []float64{2, 3})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]float64{5, 6}, s.FinalDemand()); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([][]float64{{0.8, 0}, {0.2, 1}}, s.MarketShares().Rows(), approx(1e-15)); diff != "" {
		t.Error(diff)
	}
	ad, _ := s.Coefficients(impact.FixedProductSales)
	if diff := cmp.Diff([][]float64{{0.2, 0.2}, {0.175, 0.3}}, ad.Rows(), approx(1e-15)); diff != "" {
		t.Errorf("Model D (-want +got):\n%s", diff)
	}
	ab, _ := s.Coefficients(impact.IndustryTechnology)
	if diff := cmp.Diff([][]float64{{0.25, 0.25}, {0.15, 0.25}}, ab.Rows(), approx(1e-15)); diff != "" {
		t.Errorf("Model B (-want +got):\n%s", diff)
	}
	l, _ := impact.Leontief(ad)
	df, _ := s.MarketShares().MulVec(s.FinalDemand())
	x, _ := l.MulVec(df)
	if diff := cmp.Diff([]float64{8, 12}, x, approx(1e-14)); diff != "" {
		t.Errorf("L·D·f (-want +got):\n%s", diff)
	}
	// Model B multipliers: the value added of product p under the industry
	// technology is Σᵢ vᵢDᵢₚ per unit: v = [5/8, 0.5]; product X: 0.625·0.8
	// + 0.5·0.2 = 0.6; product Y: 0.5. Type I VA multiplier of X is then
	// (v′L)_X / 0.6, with L of Model B; hand: det(I − A) = 0.75·0.75 −
	// 0.25·0.15 = 0.525, L = [[0.75, 0.25], [0.15, 0.75]]/0.525.
	m, err := s.Multipliers(impact.IndustryTechnology)
	if err != nil {
		t.Fatal(err)
	}
	vaX := (0.6*0.75 + 0.5*0.15) / 0.525
	if math.Abs(m.ValueAdded[0]-vaX) > 1e-14 || math.Abs(m.ValueAddedTypeI[0]-vaX/0.6) > 1e-14 {
		t.Errorf("Model B VA multiplier of X = %v, %v; want %v, %v", m.ValueAdded[0], m.ValueAddedTypeI[0], vaX, vaX/0.6)
	}
	if got := s.Labels(); got[1] != "Y" {
		t.Errorf("labels %v", got)
	}
	if s.Use().At(0, 1) != 3 || s.Supply().At(0, 1) != 2 || s.ValueAdded()[1] != 6 || s.Compensation()[1] != 3 {
		t.Error("accessors")
	}
	// A zero-output sector without inputs gets zero coefficients and NaN
	// type I ratios.
	mz, err := impact.NewMultipliers(impact.MustNewMatrix([][]float64{{1, 0}, {0, 1}}), []float64{1, 0}, []float64{0.5, 0}, []float64{0.25, 0})
	if err != nil || !math.IsNaN(mz.ValueAddedTypeI[1]) || mz.ValueAddedTypeI[0] != 1 {
		t.Errorf("zero output: %+v, %v", mz, err)
	}
}

func TestTechnologyString(t *testing.T) {
	for tech, want := range map[impact.Technology]string{
		impact.FixedProductSales:  "fixed product sales structure (Eurostat Model D, industry × industry)",
		impact.IndustryTechnology: "industry technology (Eurostat Model B, product × product)",
		0:                         "Technology(0)",
		7:                         "Technology(7)",
	} {
		if got := tech.String(); got != want {
			t.Errorf("%d: %q", int(tech), got)
		}
	}
	if impact.TechnologyUnknown.Valid() || !impact.DefaultTechnology.Valid() {
		t.Error("Valid")
	}
}
