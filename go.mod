module lifeplan

go 1.26.8
