module github.com/calltally/calltally

go 1.26.8
