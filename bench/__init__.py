"""The benchmark (`make bench`) and the load test (`make load`); see README.md."""
