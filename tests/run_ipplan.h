// run_ipplan.h — runs the built `ipplan` binary for end-to-end tests: through the shell, in the
// fixtures directory, with stdout, stderr and the exit code captured.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace ipplan_e2e {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}


inline std::string fixture_path(const std::string& name) {
  return std::string(IPPLAN_FIXTURES) + "/" + name;
}

// Runs `ipplan ARGS` through the shell (ARGS is shell text), optionally feeding `stdin_text`.
// `stdout_path` replaces the captured stdout (e.g. /dev/full).
inline Run ipplan(const std::string& args, const std::string& stdin_text = "",
           const std::string& stdout_path = "") {
  char dir_template[] = "/tmp/ipplan-e2e-XXXXXX";
  const std::string dir = ::mkdtemp(dir_template);
  const std::string in = dir + "/stdin", out = dir + "/stdout", err = dir + "/stderr";
  std::ofstream(in, std::ios::binary) << stdin_text;
  const std::string command = std::string("cd ") + IPPLAN_FIXTURES + " && " + IPPLAN_BINARY + " " +
                              args + " <" + in + " >" + (stdout_path.empty() ? out : stdout_path) + " 2>" + err;
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = slurp(out);
  run.err = slurp(err);
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  ::rmdir(dir.c_str());
  return run;
}

}  // namespace ipplan_e2e

using ipplan_e2e::Run;
using ipplan_e2e::fixture_path;
using ipplan_e2e::ipplan;
using ipplan_e2e::slurp;
