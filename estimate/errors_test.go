package estimate_test

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/exodus-lab/exodus/estimate"
)

// TestParamErrorNotANumber checks the errors for problems that are not a
// bad number (a nil Func, the zero Estimate, weights where none are
// allowed): the parameter is named plainly, the reason says what is wrong,
// and Value is NaN. They used to name "f (nil Func)" with "= NaN".
func TestParamErrorNotANumber(t *testing.T) {
	ok := func(d *estimate.Draw, out []float64) { out[0] = 1 }
	m := estimate.NewModel()
	zeroIn := estimate.NewModel()
	zeroIn.Input(estimate.Estimate{})
	zeroC := estimate.NewModel()
	zeroC.Shares(estimate.Composition{})
	a := must(t)(estimate.Between(1, 2))
	b := must(t)(estimate.Between(2, 3))
	tests := []struct {
		name string
		err  func() error
		want estimate.ParamError // Value is checked to be NaN
	}{
		{"nil Func", func() error {
			_, err := m.Run(context.Background(), 1, nil, estimate.Options{})
			return err
		}, estimate.ParamError{Func: "Run", Param: "f", Reason: "must not be nil"}},
		{"zero input", func() error {
			_, err := zeroIn.Run(context.Background(), 1, ok, estimate.Options{})
			return err
		}, estimate.ParamError{Func: "Run", Param: "input 0", Reason: "must be a valid Estimate, not the zero Estimate"}},
		{"zero shares", func() error {
			_, err := zeroC.Run(context.Background(), 1, ok, estimate.Options{})
			return err
		}, estimate.ParamError{Func: "Run", Param: "shares 0", Reason: "must be a valid Composition, not the zero Composition"}},
		{"weights with InverseVariance", func() error {
			_, err := estimate.PoolWeighted(estimate.InverseVariance, []float64{1, 1}, a, b)
			return err
		}, estimate.ParamError{Func: "PoolWeighted", Param: "weights", Reason: "must be nil with InverseVariance: the precisions are the weights"}},
		{"Pool zero Estimate", func() error {
			_, err := estimate.Pool(estimate.LinearPool, a, estimate.Estimate{})
			return err
		}, estimate.ParamError{Func: "Pool", Param: "estimates[1]", Reason: "must be a valid Estimate, not the zero Estimate"}},
		{"Diagnose zero Estimate", func() error {
			_, err := estimate.Diagnose(estimate.Estimate{}, a)
			return err
		}, estimate.ParamError{Func: "Diagnose", Param: "estimates[0]", Reason: "must be a valid Estimate, not the zero Estimate"}},
		{"RangeShares zero Estimate", func() error {
			_, err := estimate.RangeShares([]estimate.Estimate{a, {}})
			return err
		}, estimate.ParamError{Func: "RangeShares", Param: "ranges[1]", Reason: "must be a valid Estimate, not the zero Estimate"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if !errors.Is(err, estimate.ErrInvalid) {
				t.Fatalf("error = %v, want ErrInvalid", err)
			}
			pe, ok := errors.AsType[*estimate.ParamError](err)
			if !ok {
				t.Fatalf("error %v is not a *ParamError", err)
			}
			if !math.IsNaN(pe.Value) {
				t.Errorf("Value = %v, want NaN (no numeric value)", pe.Value)
			}
			got := estimate.ParamError{Func: pe.Func, Param: pe.Param, Reason: pe.Reason}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(estimate.ParamError{})); diff != "" {
				t.Errorf("ParamError mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParamErrorMessage checks the rendered form: a problem that is not a
// number reads without "= NaN", while a parameter that is NaN still shows
// its value.
func TestParamErrorMessage(t *testing.T) {
	_, errF := estimate.NewModel().Run(context.Background(), 1, nil, estimate.Options{})
	_, errNaN := estimate.Point(math.NaN())
	got := []string{errF.Error(), errNaN.Error()}
	want := []string{
		"estimate: Run: f: must not be nil",
		"estimate: Point: v = NaN: must be finite",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Error() mismatch (-want +got):\n%s", diff)
	}
}

// checkParamError fails t unless err is a *ParamError for param with the
// given value (NaN matches NaN).
func checkParamError(t *testing.T, err error, param string, value float64) {
	t.Helper()
	pe, ok := errors.AsType[*estimate.ParamError](err)
	if !ok {
		t.Fatalf("error %v is not a *ParamError", err)
	}
	if diff := cmp.Diff(param, pe.Param); diff != "" {
		t.Errorf("Param mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(value, pe.Value, cmpopts.EquateNaNs()); diff != "" {
		t.Errorf("Value mismatch (-want +got):\n%s", diff)
	}
}
