// progress.cc — the terminal progress line.
#include "progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "ipplan/strings.h"

namespace ipplan::cli {

ProgressMeter::ProgressMeter(const ProgressCounter& counter, std::string what)
    : counter_(counter), what_(std::move(what)) {
  if (::isatty(STDERR_FILENO) == 1) thread_ = std::thread([this] { run(); });
}

ProgressMeter::~ProgressMeter() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  stop_signal_.notify_all();
  thread_.join();
  if (printed_) std::fputs("\r\033[K", stderr);
}

void ProgressMeter::run() {
  using namespace std::chrono_literals;
  std::unique_lock<std::mutex> lock(mutex_);
  if (stop_signal_.wait_for(lock, 1s, [this] { return stop_; })) return;
  do {
    std::fputs(str_cat("\r", counter_.published(), " ", what_, "...").c_str(), stderr);
    printed_ = true;
  } while (!stop_signal_.wait_for(lock, 250ms, [this] { return stop_; }));
}

}  // namespace ipplan::cli
