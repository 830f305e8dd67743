# Written by scripts/prepare.sh; regenerated on every run.
export ConnectionStrings__Skriptoteket='Host=127.0.0.1;Port=55432;Database=skriptoteket;Username=skriptoteket;Password=skriptoteket'
export SKRIPTOTEKET_PG_ADMIN='Host=127.0.0.1;Port=55432;Database=postgres;Username=skriptoteket;Password=skriptoteket'
export Execution__RunnerImage='skriptoteket-runner:3c55d4605aa9'
export Execution__DockerEndpoint='unix:///var/run/docker.sock'
export SKRIPTOTEKET_CHROMIUM='/usr/bin/chromium'
