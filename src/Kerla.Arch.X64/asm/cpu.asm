; Single instructions C# cannot express, called as [DllImport("*")] with
; SuppressGCTransition (a direct call). System V ABI: rdi, rsi, rdx, rcx.
bits 64
default rel
section .text

%macro FUNC 1
global %1
%1:
%endmacro

FUNC x64_outb
    mov edx, edi
    mov eax, esi
    out dx, al
    ret
FUNC x64_outw
    mov edx, edi
    mov eax, esi
    out dx, ax
    ret
FUNC x64_outl
    mov edx, edi
    mov eax, esi
    out dx, eax
    ret
FUNC x64_inb
    mov edx, edi
    xor eax, eax
    in al, dx
    ret
FUNC x64_inw
    mov edx, edi
    xor eax, eax
    in ax, dx
    ret
FUNC x64_inl
    mov edx, edi
    in eax, dx
    ret

FUNC x64_read_cr0
    mov rax, cr0
    ret
FUNC x64_read_cr2
    mov rax, cr2
    ret
FUNC x64_read_cr3
    mov rax, cr3
    ret
FUNC x64_write_cr3
    mov cr3, rdi
    ret
FUNC x64_read_cr4
    mov rax, cr4
    ret
FUNC x64_write_cr4
    mov cr4, rdi
    ret
; x64_fxsave(void *area): the FPU and SSE state into a 16-byte-aligned area.
FUNC x64_fxsave
    fxsave [rdi]
    ret
FUNC x64_read_rbp
    mov rax, rbp
    ret
FUNC x64_read_rsp
    lea rax, [rsp + 8]
    ret
FUNC x64_invlpg
    invlpg [rdi]
    ret
FUNC x64_rdtsc
    rdtsc
    shl rdx, 32
    or rax, rdx
    ret
FUNC x64_rdmsr
    mov ecx, edi
    rdmsr
    shl rdx, 32
    or rax, rdx
    ret
FUNC x64_wrmsr
    mov ecx, edi
    mov eax, esi
    mov rdx, rsi
    shr rdx, 32
    wrmsr
    ret

; x64_cpuid(leaf, subleaf, uint32_t out[4]) -> eax, ebx, ecx, edx
FUNC x64_cpuid
    push rbx
    mov r8, rdx
    mov eax, edi
    mov ecx, esi
    cpuid
    mov [r8], eax
    mov [r8 + 4], ebx
    mov [r8 + 8], ecx
    mov [r8 + 12], edx
    pop rbx
    ret

FUNC x64_lidt
    lidt [rdi]
    ret
FUNC x64_ltr
    ltr di
    ret
; x64_lgdt(descriptor*, code selector, data selector): load and reload segments.
FUNC x64_lgdt
    lgdt [rdi]
    mov ds, dx
    mov es, dx
    mov ss, dx
    push rsi
    lea rax, [.reloaded]
    push rax
    retfq
.reloaded:
    ret

FUNC x64_sti
    sti
    ret
FUNC x64_cli
    cli
    ret
FUNC x64_hlt
    hlt
    ret
; Enable interrupts and wait for one, with no window in between.
FUNC x64_sti_hlt
    sti
    hlt
    ret
FUNC x64_pause
    pause
    ret
FUNC x64_read_rflags
    pushfq
    pop rax
    ret
FUNC x64_int3
    int3
    ret

; Where the linker put things, for C#: fills twelve addresses in order.
extern __kernel_phys_start
extern __kernel_phys_end
extern __text_start
extern __text_end
extern __ksyms_start
extern __ksyms_end
extern __modules_start
extern __modules_end
extern boot_pml4
extern __kernel_end
extern __initramfs_start
extern __initramfs_end
FUNC x64_kernel_layout
    mov rax, __kernel_phys_start
    mov [rdi + 0], rax
    mov rax, __kernel_phys_end
    mov [rdi + 8], rax
    mov rax, __text_start
    mov [rdi + 16], rax
    mov rax, __text_end
    mov [rdi + 24], rax
    mov rax, __ksyms_start
    mov [rdi + 32], rax
    mov rax, __ksyms_end
    mov [rdi + 40], rax
    mov rax, __modules_start
    mov [rdi + 48], rax
    mov rax, __modules_end
    mov [rdi + 56], rax
    mov rax, boot_pml4
    mov [rdi + 64], rax
    mov rax, __kernel_end
    mov [rdi + 72], rax
    mov rax, __initramfs_start
    mov [rdi + 80], rax
    mov rax, __initramfs_end
    mov [rdi + 88], rax
    ret

; The boot arena: the kernel heap's first memory, before the page allocator exists.
section .bss
align 4096
global boot_arena
boot_arena: resb 2 * 1024 * 1024
boot_arena_end:
section .text
FUNC x64_boot_arena
    lea rax, [boot_arena]
    mov [rdi], rax
    lea rax, [boot_arena_end]
    mov [rdi + 8], rax
    ret

; x64_rdrand(uint64_t *out) -> 1 with a random value, 0 when the CPU had none ready.
FUNC x64_rdrand
    mov ecx, 10
.retry:
    rdrand rax
    jc .ok
    dec ecx
    jnz .retry
    xor eax, eax
    ret
.ok:
    mov [rdi], rax
    mov eax, 1
    ret
