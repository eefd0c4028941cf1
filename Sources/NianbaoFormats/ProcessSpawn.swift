import CSpawn
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts a program with posix_spawn, its signal mask and handlers reset (Foundation's
/// Process hung under Swift Testing here), its standard streams on the descriptors given.
/// The one place nianbao starts processes: pdftotext, its own workers, and in the tests
/// nianbao itself and tmux.
public enum ProcessSpawn {
    public struct Failure: Error, CustomStringConvertible {
        public let errno: Int32
        public var description: String { String(cString: strerror(errno)) }
    }

    /// Starts `arguments` (the program looked up in PATH unless it holds a slash) with
    /// `environment` added to ours; stdin, stdout and stderr are the given descriptors.
    public static func spawn(
        _ arguments: [String], environment: [String: String] = [:], stdin: Int32, stdout: Int32, stderr: Int32,
        closing: [Int32] = [], newProcessGroup: Bool = false
    ) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        for fd in closing where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
        // Nothing else this process has open reaches the child: a file being written by
        // another thread (a copy of a program about to be run) stays runnable.
        nianbao_spawn_close_from(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newProcessGroup {
            // Its own group, so that killing the group ends it and whatever it started.
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        var spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        // A program just written may still be open for writing in a process another thread
        // is starting ("Text file busy"); it is free a moment later.
        var tries = 0
        while spawned == ETXTBSY, tries < 20 {
            usleep(10_000)
            tries += 1
            spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        }
        guard spawned == 0 else { throw Failure(errno: spawned) }
        return pid
    }

    /// The exit status of a finished process as a shell reports it (128 + signal when killed).
    public static func exitStatus(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
