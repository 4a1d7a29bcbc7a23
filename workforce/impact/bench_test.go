package impact_test

import (
	"strconv"
	"testing"

	"github.com/exodus-lab/exodus/workforce/impact"
)

// benchA returns an n × n productive coefficient matrix: aᵢⱼ = 0.5/n
// off the diagonal and 0.1 on it (column sums below 0.6).
func benchA(n int) impact.Matrix {
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = make([]float64, n)
		for j := range rows[i] {
			rows[i][j] = 0.5 / float64(n)
			if i == j {
				rows[i][j] = 0.1
			}
		}
	}
	return impact.MustNewMatrix(rows)
}

func BenchmarkLeontief(b *testing.B) {
	for _, n := range []int{2, 20, 61} {
		a := benchA(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := impact.Leontief(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSUTMultipliers: the 2019 table, 20 sections, Model D: A = D·B,
// L, and the multipliers.
func BenchmarkSUTMultipliers(b *testing.B) {
	s := impact.SUT2019()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Multipliers(impact.FixedProductSales); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAssess: the default data, 21 sectors, 10,000 headcount draws
// paired with the remote-work share.
func BenchmarkAssess(b *testing.B) {
	h := defaultHeadcount(b, 10_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := impact.Assess(ctx, h, impact.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
