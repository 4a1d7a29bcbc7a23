package main

import (
	"context"
	"io"
	"strconv"
	"testing"
)

// BenchmarkRun measures the whole job, as the command runs it, at a few
// sizes of the simulation: how time and allocation grow with -draws.
// B/op counts every byte allocated, not the peak; bench/README.md gives the
// peak resident memory of the binary beside it.
//
//	go test ./examples/exodus -run XXX -bench Run -benchtime 1x
func BenchmarkRun(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run("draws="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			args := []string{"-draws", strconv.Itoa(n)}
			for b.Loop() {
				if err := run(context.Background(), args, io.Discard, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/draw")
		})
	}
}
