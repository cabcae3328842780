// ipplan_process.h — runs the built `ipplan` binary for end-to-end tests and captures what a
// script calling it would see: exit code, stdout, stderr, and the child's own peak memory.
// IPPLAN_BINARY and IPPLAN_FIXTURES are set by tests/CMakeLists.txt; commands run in fixtures/.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace e2e {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
  long peak_rss_kib = 0;  // the child's ru_maxrss (only run_ipplan measures it)
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Whether `part` occurs anywhere in `text`.
inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

inline std::string fixture_path(const std::string& name) {
  return std::string(IPPLAN_FIXTURES) + "/" + name;
}

// A fresh directory under /tmp, removed with everything in it when the value dies.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/ipplan-e2e-XXXXXX";
    path_ = ::mkdtemp(name);
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs the shell text `script` in fixtures/, its standard streams redirected as a whole
// (`{ script; }`), optionally feeding `stdin_text`. `stdout_path` replaces the captured stdout
// (e.g. /dev/full).
inline Run run_shell(const std::string& script, const std::string& stdin_text = "",
                     const std::string& stdout_path = "") {
  const TempDir dir;
  const std::string in = dir.file("stdin"), out = dir.file("stdout"), err = dir.file("stderr");
  std::ofstream(in, std::ios::binary) << stdin_text;
  const std::string command = std::string("cd ") + IPPLAN_FIXTURES + " && { " + script + "\n} <" +
                              in + " >" + (stdout_path.empty() ? out : stdout_path) + " 2>" + err;
  const int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

// Runs `ipplan ARGS` through the shell (ARGS is shell text), like run_shell.
inline Run ipplan(const std::string& args, const std::string& stdin_text = "",
                  const std::string& stdout_path = "") {
  return run_shell(std::string(IPPLAN_BINARY) + " " + args, stdin_text, stdout_path);
}

// Runs `[wrapper...] ipplan ARGS...` directly (no shell) in fixtures/, stdin from /dev/null,
// and measures the child's peak resident memory with wait4.
inline Run run_ipplan(const std::vector<std::string>& args,
                      const std::vector<std::string>& wrapper = {}) {
  const TempDir dir;
  const std::string out = dir.file("stdout"), err = dir.file("stderr");
  std::vector<std::string> words = wrapper;
  words.push_back(IPPLAN_BINARY);
  words.insert(words.end(), args.begin(), args.end());
  const pid_t child = ::fork();
  if (child == 0) {
    const int in_fd = ::open("/dev/null", O_RDONLY);
    const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in_fd < 0 || out_fd < 0 || err_fd < 0 || ::chdir(IPPLAN_FIXTURES) != 0) ::_exit(126);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    std::vector<char*> argv;
    for (std::string& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  Run run;
  int status = 0;
  struct rusage usage {};
  if (child < 0 || ::wait4(child, &status, 0, &usage) != child) return run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.peak_rss_kib = usage.ru_maxrss;
  run.out = slurp(out);
  run.err = slurp(err);
  return run;
}

}  // namespace e2e
