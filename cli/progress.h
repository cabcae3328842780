// progress.h — "N records read" on stderr for runs that take more than about a second, and only
// when stderr is a terminal (SPEC 7): scripts and CI logs never see it.
//
// The work counts into an ipplan::ProgressCounter; a background thread prints it every quarter
// second once the first second has passed. Destruction stops the thread and clears the line.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "ipplan/progress_counter.h"

namespace ipplan::cli {

class ProgressMeter {
 public:
  // `what` names the unit, e.g. "records read".
  ProgressMeter(const ProgressCounter& counter, std::string what);
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

 private:
  void run();

  const ProgressCounter& counter_;
  std::string what_;
  std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stop_ = false;
  bool printed_ = false;
  std::thread thread_;
};

}  // namespace ipplan::cli
