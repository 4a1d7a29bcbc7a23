// Package bench holds benchmarks that compare exodus with a hand-written
// floor of the same computation and with peer libraries, run side by side so
// that their ratios can be read from one run. It exports nothing; see
// bench/README.md for the commands and the figures as measured.
package bench
